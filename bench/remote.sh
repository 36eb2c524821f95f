#!/usr/bin/env bash
# Remote cache benchmark: on examples/hello, a remote hit into an empty local cache (nginx
# with WebDAV on 127.0.0.1) against a local hit and a cold build, all through jiffy's JVM
# (`jiffy build`, which never takes the run-file fast path).
#
#   bench/remote.sh          medians of 21 interleaved rounds (RUNS=n to change, at least 15)
#
# Cases, one of each per round, in an order that rotates every round:
#   cold     empty local cache, no remote: compile and link
#   local    warm local cache, no remote
#   local+r  warm local cache with JIFFY_REMOTE_CACHE set (the remote tier must cost nothing here)
#   remote   empty local cache, remote hit: 2 action results and 2 blobs over HTTP
#   transfer curl fetching the same 4 entries from the same nginx (sum of curl's time_total,
#            so without curl's own start-up): what the bytes cost on their own
# Goals: remote <= 1.5 x local + transfer, and remote < 0.5 x cold.
# A fresh cache gets a trim.txt copied in, so that no case starts a background trim.
# Prints a table and writes it into bench/RESULTS.md, replacing only the section headed
# "## Remote cache (bench/remote.sh)" (WRITE_RESULTS=0: print only). Needs nginx
# (apt-get install nginx-light) and curl. Runs a snapshot of bin/, target/jiffy.jar and
# target/lib, so that others rebuilding the tree meanwhile do not disturb it.
set -uo pipefail

here=$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd -P) || exit 1
root=$(cd -P "$here/.." && pwd -P) || exit 1
cd "$root" || exit 1

RUNS=${RUNS:-21}
WARMUP=${WARMUP:-2}
RESULTS=$here/RESULTS.md
SECTION='## Remote cache (bench/remote.sh)'
hello=examples/hello/Hello.java

die() { echo "remote.sh: $*" >&2; exit 1; }
note() { echo "remote.sh: $*" >&2; }

case ${1-} in -h | --help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
[ "$RUNS" -ge 15 ] 2>/dev/null || die "RUNS=$RUNS: at least 15 rounds"
nginx=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null) || die "nginx is not installed (apt-get install nginx-light)"
command -v curl >/dev/null || die "curl is not installed"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/jiffy-remote-bench.XXXXXX") || die "mktemp failed"
nginx_pid=
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

unset JIFFY_VERIFY JIFFY_DEBUG_HASH JIFFY_DEBUG JIFFY_REMOTE_CACHE JIFFY_REMOTE_UPLOAD JIFFY_REMOTE_HEADERS \
  JIFFY_OFFLINE JIFFY_CACHE_MAX JIFFY_TRIM_AGE JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS

# ---- jiffy: a snapshot --------------------------------------------------------------------
rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git status --porcelain -- src/main bin pom.xml 2>/dev/null)" ] && rev="$rev + uncommitted changes"
bin/jiffy version >/dev/null 2>"$scratch/build.log" || { cat "$scratch/build.log" >&2; die "building jiffy failed"; }
mkdir -p "$scratch/jiffy/target"
cp -R bin "$scratch/jiffy/" && cp target/jiffy.jar "$scratch/jiffy/target/" && cp -R target/lib "$scratch/jiffy/target/" ||
  die "cannot copy bin/, target/jiffy.jar and target/lib"
jiffy=$scratch/jiffy/bin/jiffy
cp "$hello" "$scratch/Hello.java"
src=$scratch/Hello.java

# ---- nginx with WebDAV on a free port of 127.0.0.1 ------------------------------------------
mkdir -p "$scratch/nginx/data" "$scratch/nginx/logs"
for attempt in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 20000))
  cat >"$scratch/nginx/nginx.conf" <<EOF
daemon off;
master_process off;
worker_processes 1;
pid $scratch/nginx/nginx.pid;
error_log $scratch/nginx/logs/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $scratch/nginx/body;
  server {
    listen 127.0.0.1:$port;
    root $scratch/nginx/data;
    client_max_body_size 0;
    location / {
      dav_methods PUT;
      create_full_put_path on;
      dav_access user:rw;
    }
  }
}
EOF
  "$nginx" -p "$scratch/nginx" -e "$scratch/nginx/logs/error.log" -c "$scratch/nginx/nginx.conf" 2>>"$scratch/nginx/logs/stderr" &
  nginx_pid=$!
  for _ in $(seq 50); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && break 2
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null; nginx_pid=
done
[ -n "$nginx_pid" ] || die "nginx did not start: $(cat "$scratch/nginx/logs/error.log" 2>/dev/null)"
url=http://127.0.0.1:$port/jiffy

# ---- set-up ---------------------------------------------------------------------------------
# The snapshot's first JVM run dumps jiffy's class-data archive: let it be a plain build, as
# after installing jiffy, so the remote tier's classes (java.net.http, protobuf) are not in it.
JIFFY_CACHE=$scratch/first "$jiffy" build "$src" >/dev/null 2>"$scratch/first.log" || { cat "$scratch/first.log" >&2; die "first build failed"; }
# The first build starts the cache's first trim in the background; its trim.txt, copied into
# every fresh cache, keeps the timed runs from starting trims of their own.
for _ in $(seq 100); do [ -s "$scratch/first/trim.txt" ] && break; sleep 0.1; done
cp "$scratch/first/trim.txt" "$scratch/trim.txt" || die "the first build left no trim.txt"
JIFFY_CACHE=$scratch/ci JIFFY_REMOTE_CACHE=$url JIFFY_REMOTE_UPLOAD=1 "$jiffy" build -x "$src" >/dev/null 2>"$scratch/ci.log" ||
  { cat "$scratch/ci.log" >&2; die "upload failed"; }
[ "$(grep -c '^remote put: ac/' "$scratch/ci.log")" = 2 ] || { cat "$scratch/ci.log" >&2; die "the upload did not put 2 entries"; }
JIFFY_CACHE=$scratch/warm "$jiffy" build "$src" >/dev/null 2>&1 || die "warm build failed"
fresh() { rm -rf "$1" && mkdir -m 700 "$1" && cp "$scratch/trim.txt" "$1/trim.txt"; }

# Check once that each case does what it claims.
fresh "$scratch/empty"
JIFFY_CACHE=$scratch/empty JIFFY_REMOTE_CACHE=$url "$jiffy" build -x "$src" 2>"$scratch/check.log" >/dev/null
[ "$(grep -c '^remote hit: ac/' "$scratch/check.log")" = 2 ] && ! grep -q '^javac' "$scratch/check.log" ||
  { cat "$scratch/check.log" >&2; die "the remote case is not 2 remote hits without javac"; }
JIFFY_CACHE=$scratch/warm JIFFY_REMOTE_CACHE=$url "$jiffy" build -x "$src" 2>"$scratch/check.log" >/dev/null
[ "$(grep -c '^local hit: ac/' "$scratch/check.log")" = 2 ] || { cat "$scratch/check.log" >&2; die "the local+r case is not 2 local hits"; }
entries=$(cd "$scratch/nginx/data/jiffy" && ls ac/* cas/*) || die "no entries on nginx"
bytes=$(cd "$scratch/nginx/data/jiffy" && cat ac/* cas/* | wc -c)

now_ms() { date +%s%N | awk '{printf "%.3f", $1 / 1e6}'; }
timed() { # case, command...: appends the wall time in ms to $scratch/t.<case>
  local c=$1 t0 t1
  shift
  t0=$(now_ms)
  "$@" >/dev/null 2>>"$scratch/err.$c" || note "$c: exit status $? (see $scratch/err.$c)"
  t1=$(now_ms)
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f\n", b - a}' >>"$scratch/t.$c"
}
run_case() {
  case $1 in
  cold) fresh "$scratch/cold"; timed cold env JIFFY_CACHE="$scratch/cold" "$jiffy" build "$src" ;;
  local) timed local env JIFFY_CACHE="$scratch/warm" "$jiffy" build "$src" ;;
  local+r) timed local+r env JIFFY_CACHE="$scratch/warm" JIFFY_REMOTE_CACHE="$url" "$jiffy" build "$src" ;;
  remote) fresh "$scratch/empty"; timed remote env JIFFY_CACHE="$scratch/empty" JIFFY_REMOTE_CACHE="$url" "$jiffy" build "$src" ;;
  transfer)
    local args=() e
    for e in $entries; do args+=(-o /dev/null -w '%{time_total}\n' "$url/$e"); done
    curl -s "${args[@]}" | awk '{s += $1} END {printf "%.3f\n", s * 1000}' >>"$scratch/t.transfer" ;;
  esac
}
cases=(cold local local+r remote transfer)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
note "warming up ($WARMUP rounds), then $RUNS rounds of ${#cases[@]} cases"
for ((r = 0; r < WARMUP + RUNS; r++)); do
  [ "$r" = "$WARMUP" ] && rm -f "$scratch"/t.*
  for ((k = 0; k < ${#cases[@]}; k++)); do
    run_case "${cases[$(((k + r) % ${#cases[@]}))]}"
  done
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

median() { sort -g | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
m=()
for c in "${cases[@]}"; do
  m[${#m[@]}]=$(median <"$scratch/t.$c")
done
cold=${m[0]} local=${m[1]} localr=${m[2]} remote=${m[3]} transfer=${m[4]}
fmt() { awk -v v="$1" 'BEGIN {printf "%.1f", v}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }
budget=$(awk -v l="$local" -v t="$transfer" 'BEGIN {printf "%.1f", 1.5 * l + t}')
goal1=$(awk -v r="$remote" -v b="$budget" 'BEGIN {print (r <= b) ? "met" : "MISSED"}')
goal2=$(awk -v r="$remote" -v c="$cold" 'BEGIN {print (r < 0.5 * c) ? "met" : "MISSED"}')

report=$scratch/report.md
{
  echo "$SECTION"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: nproc $(nproc), load average $load_start at start, $load_end at the end"
  echo "- JDK: $(java -version 2>&1 | sed -n 2p)"
  echo "- jiffy: a snapshot of bin/, target/jiffy.jar and target/lib ($rev); nginx $("$nginx" -v 2>&1 | sed 's/.*nginx\///') with WebDAV on 127.0.0.1"
  echo "- program: examples/hello; all cases are \`jiffy build\` (jiffy's JVM, never the run-file fast path); the remote hit downloads $bytes bytes in 4 entries (2 action results, the compile output and the executable)"
  echo "- timing: wall time of each command, medians of $RUNS rounds after $WARMUP warm-up rounds, the cases interleaved in an order that rotates each round"
  echo "- jiffy's class-data archive was dumped by a plain build, which ends with an upload and a remote hit on a loopback server (RemoteWarmUp), so the remote tier's classes (HttpURLConnection's, protobuf) are in it"
  echo
  echo "| case | median ms | vs local hit |"
  echo "|---|---:|---:|"
  echo "| cold build (empty cache, no remote) | $(fmt "$cold") | $(ratio "$cold" "$local") |"
  echo "| local hit (no remote) | $(fmt "$local") | 1.00x |"
  echo "| local hit, JIFFY_REMOTE_CACHE set | $(fmt "$localr") | $(ratio "$localr" "$local") |"
  echo "| remote hit into an empty cache | $(fmt "$remote") | $(ratio "$remote" "$local") |"
  echo "| transfer alone (curl, 4 entries) | $(fmt "$transfer") | - |"
  echo
  echo "- remote hit $(fmt "$remote") ms <= 1.5 x local hit + transfer = $budget ms: $goal1"
  echo "- remote hit $(fmt "$remote") ms < 0.5 x cold build = $(awk -v c="$cold" 'BEGIN {printf "%.1f", c / 2}') ms ($(ratio "$remote" "$cold") of cold): $goal2"
  echo
  echo "What a remote hit adds to a local one is the HTTP client's and protobuf's first use in jiffy's fresh"
  echo "JVM (their classes now come from the class-data archive, ~60 classes of a remote hit still do not;"
  echo "before the archive held them, ~250 did and the remote hit cost 1.90x a local one); four requests,"
  echo "SHA-256 checks and two puts into the empty local cache; the bytes take the transfer time above"
  echo "(java.net.http, tried first, cost 0.5-0.9 s more: TLS set-up, lambdas). An empty cache used to"
  echo "hash jiffy's own jar again (~60 ms in a cold JVM); its hash now lives beside the jar."
  echo
  echo "The machine has 2 cores; the load averages above say what else ran: single figures are noisy,"
  echo "the interleaved medians and their ratios less so."
} >"$report"
cat "$report"

if [ "${WRITE_RESULTS:-1}" = 1 ]; then
  if [ ! -f "$RESULTS" ]; then
    { echo "# Benchmark results"; echo; cat "$report"; } >"$RESULTS.tmp.$$"
  else
    awk -v sec="$report" -v head="$SECTION" '
      function emit() { while ((getline line < sec) > 0) print line; close(sec); done = 1 }
      $0 == head { emit(); skip = 1; next }
      skip && /^## / { skip = 0; print "" }
      !skip { print }
      { last = $0 }
      END { if (!done) { if (last != "") print ""; emit() } }' "$RESULTS" >"$RESULTS.tmp.$$"
  fi
  mv "$RESULTS.tmp.$$" "$RESULTS" && note "wrote the section \"$SECTION\" of bench/RESULTS.md"
fi

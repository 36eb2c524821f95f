# shellcheck shell=bash disable=SC2034,SC2153,SC2154
# Shared by bench/projects.sh, bench/test.sh, bench/server.sh, bench/deps.sh, bench/archive.sh and bench/flags.sh, which source it once they have die, note and
# warn. Sourcing it sets mvn_cache (where the fetched Maven is kept) and defines functions; the
# variables they read (scratch, JIFFY_CACHE, MAVEN_VERSION, MAVEN_FALLBACK, V_DEPENDENCY) are the
# scripts' own, read when a function runs.

# Quotes each argument for sh and joins them with spaces: one hyperfine command.
q() { local s='' a; for a in "$@"; do s+="$(printf '%q' "$a") "; done; echo "${s% }"; }

case ${XDG_CACHE_HOME-} in /*) mvn_cache=$XDG_CACHE_HOME/jiffy-bench ;; *) mvn_cache=${HOME:?}/.cache/jiffy-bench ;; esac
fetch_maven() { # version: leaves bin/mvn of that version in $mvn_cache, or fails
  local v=$1 d=$mvn_cache/apache-maven-$1 dl=$scratch/maven-dl-$1 tmp
  [ -x "$d/bin/mvn" ] && return 0
  command -v mvn >/dev/null || { note "no mvn on PATH to fetch apache-maven $v with"; return 1; }
  mkdir -p "$dl" "$mvn_cache" || return 1
  note "fetching org.apache.maven:apache-maven:$v:tar.gz:bin from Maven Central"
  if ! (cd "$dl" && mvn -q -B -Dstyle.color=never "org.apache.maven.plugins:maven-dependency-plugin:$V_DEPENDENCY:copy" \
    "-Dartifact=org.apache.maven:apache-maven:$v:tar.gz:bin" "-DoutputDirectory=$dl") >"$dl/mvn.log" 2>&1 ||
    [ ! -f "$dl/apache-maven-$v-bin.tar.gz" ]; then
    note "could not fetch apache-maven $v: $(grep -m1 ERROR "$dl/mvn.log" | sed 's/\x1b\[[0-9;]*m//g' | cut -c1-200)"
    return 1
  fi
  tmp=$(mktemp -d "$mvn_cache/unpack.XXXXXX") || return 1
  if tar -xzf "$dl/apache-maven-$v-bin.tar.gz" -C "$tmp" && [ -x "$tmp/apache-maven-$v/bin/mvn" ]; then
    mv "$tmp/apache-maven-$v" "$d" 2>/dev/null || [ -x "$d/bin/mvn" ] # another run may have won
  fi
  rm -rf "$tmp"
  [ -x "$d/bin/mvn" ]
}
# Sets mvn39 (bin/mvn of Maven 3.9: BENCH_MVN, else MAVEN_VERSION, else MAVEN_FALLBACK, fetched),
# maven_where and maven_version, or dies.
pick_maven() {
  if [ -n "${BENCH_MVN-}" ]; then
    mvn39=$BENCH_MVN
    [ -x "$mvn39" ] || die "BENCH_MVN=$BENCH_MVN is not executable"
    maven_where="BENCH_MVN"
  elif fetch_maven "$MAVEN_VERSION"; then
    mvn39=$mvn_cache/apache-maven-$MAVEN_VERSION/bin/mvn
    maven_where="org.apache.maven:apache-maven:$MAVEN_VERSION:tar.gz:bin from Maven Central"
  elif [ "$MAVEN_VERSION" != "$MAVEN_FALLBACK" ] && fetch_maven "$MAVEN_FALLBACK"; then
    warn "apache-maven $MAVEN_VERSION could not be had; using $MAVEN_FALLBACK"
    mvn39=$mvn_cache/apache-maven-$MAVEN_FALLBACK/bin/mvn
    maven_where="org.apache.maven:apache-maven:$MAVEN_FALLBACK:tar.gz:bin from Maven Central (not $MAVEN_VERSION)"
  else
    die "no Maven 3.9: neither apache-maven $MAVEN_VERSION nor $MAVEN_FALLBACK could be fetched (BENCH_MVN=path/to/bin/mvn to give one)"
  fi
  maven_version=$("$mvn39" -v 2>/dev/null | sed -n '1s/\x1b\[[0-9;]*m//g; 1s/^Apache Maven \([^ ]*\).*/\1/p')
  case $maven_version in 3.[0-8].* | [0-2].*) die "$mvn39 is Maven $maven_version; this benchmark needs Maven 3.9 or newer" ;; '') die "$mvn39 -v printed no version" ;; esac
  note "Maven $maven_version: $mvn39"
}

# Waits until no start-up archive that a run recorded is still being checked and placed in the background.
wait_dumps() {
  local i
  for ((i = 0; i < 240; i++)); do
    [ -z "$(find "$JIFFY_CACHE.train" -name '*.placing' 2>/dev/null | head -n 1)" ] && return 0
    sleep 0.5
  done
  warn "a start-up archive in the scratch cache was not placed in 2 minutes"
}

# Reads times in seconds, one a line; prints "count median min max", the last three in ms.
stats() {
  sort -g | awk 'NF {a[++n] = $1}
    END {if (!n) exit 1; m = n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
         printf "%d %.1f %.1f %.1f\n", n, m * 1000, a[1] * 1000, a[n] * 1000}'
}

# rounds_run SERIES TITLE DIR label cmd prepare group [label cmd prepare group ...]: times the
# commands in DIR in interleaved rounds (prepare "" for none; group "cheap", in ROUNDS rounds, or
# "slow", in ROUNDS_MVN), printing TITLE; fills rows and median_of under SERIES (a script
# declares rows, median_of, goals, scratch, WARMUP, ROUNDS, ROUNDS_MVN and warn).
rounds_run() {
  local series=$1 title=$2 dir=$3
  shift 3
  local labels=() cmds=() prepares=() groups=() times=() i r n key total done_rounds=0
  local json=$scratch/round.json
  while [ $# -gt 0 ]; do
    labels+=("$1"); cmds+=("$2"); prepares+=("$3"); groups+=("$4"); times+=("")
    shift 4
  done
  total=$((ROUNDS > ROUNDS_MVN ? ROUNDS : ROUNDS_MVN))
  # hf WARMUP i...: one hyperfine call (--runs 1) in DIR of the commands with these indices, in
  # this order. hyperfine pairs the n-th --prepare with the n-th command: `true` where none is wanted.
  hf() {
    local warm=$1 args=() preps=() any=0 j
    shift
    for j in "$@"; do
      args+=(--command-name "${labels[$j]}" "${cmds[$j]}")
      [ -n "${prepares[$j]}" ] && any=1
      preps+=(--prepare "${prepares[$j]:-true}")
    done
    [ "$any" = 1 ] && args=("${preps[@]}" "${args[@]}")
    (cd "$dir" && hyperfine -N --style basic --warmup "$warm" --runs 1 --export-json "$json" "${args[@]}") \
      >"$scratch/hf.out" 2>&1
  }
  # The rounds a group joins: n of the total, spread evenly (round r when r*n mod total < n).
  joins() { # group round
    if [ "$1" = slow ]; then n=$ROUNDS_MVN; else n=$ROUNDS; fi
    (($2 * n % total < n))
  }
  echo "  $title: warm-up ($WARMUP runs of each of ${#labels[@]} commands), then $total rounds" \
    "(cheap commands in $ROUNDS, slow ones in $ROUNDS_MVN)" >&2
  if ! hf "$WARMUP" "${!labels[@]}"; then
    cat "$scratch/hf.out" >&2
    warn "$title: hyperfine failed in the warm-up; its rows are missing"
    return 1
  fi
  declare -A seen=()  # set of commands -> rounds of it so far, for the reversal
  for ((r = 0; r < total; r++)); do
    local sel=()
    for i in "${!labels[@]}"; do joins "${groups[$i]}" "$r" && sel+=("$i"); done
    [ ${#sel[@]} -gt 0 ] || continue # a series of one group only, with fewer rounds than the other's
    key="${sel[*]}"
    # Every other round of the same commands runs them in reverse order.
    if ((${seen[$key]:-0} % 2)); then
      local backwards=()
      for ((i = ${#sel[@]} - 1; i >= 0; i--)); do backwards+=("${sel[$i]}"); done
      sel=("${backwards[@]}")
    fi
    seen[$key]=$((${seen[$key]:-0} + 1))
    printf '\r    round %d/%d ' "$((r + 1))" "$total" >&2
    if ! hf 0 "${sel[@]}"; then
      echo >&2
      cat "$scratch/hf.out" >&2
      warn "$title: hyperfine failed in round $((r + 1)) of $total; its rows hold the $done_rounds rounds before it"
      break
    fi
    i=0
    while read -r t; do
      times[${sel[$i]}]+="$t "
      i=$((i + 1))
    done < <(jq -r '.results[].mean' "$json")
    done_rounds=$((done_rounds + 1))
  done
  echo >&2
  for i in "${!labels[@]}"; do
    local count median min max
    read -r count median min max < <(tr ' ' '\n' <<<"${times[$i]}" | stats) || continue
    median_of["$series|${labels[$i]}"]=$median
    rows+=("$series|${labels[$i]}|$count|$median|$min|$max")
  done
}
# ratio SERIES WHAT LABEL BASE_LABEL [GOAL]: the ratio of the two medians, against GOAL if given.
ratio() {
  local a=${median_of["$1|$3"]-} b=${median_of["$1|$4"]-} r met goal=${5-}
  if [ -z "$a" ] || [ -z "$b" ]; then
    goals+=("$1|$2|n/a|${goal:+<= ${goal}x}${goal:--}|n/a (not measured)")
    return
  fi
  r=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", a / b}')
  if [ -z "$goal" ]; then
    goals+=("$1|$2|${r}x|-|(no goal)")
    return
  fi
  met=$(awk -v r="$r" -v g="$goal" 'BEGIN {print (r <= g) ? "met" : "MISSED"}')
  goals+=("$1|$2|${r}x|<= ${goal}x|$met")
}

# Writes the //DEPS picocli script of bench/deps.sh and bench/archive.sh to $1 (class P).
picocli_script() {
  cat >"$1" <<'JAVA'
//DEPS info.picocli:picocli:4.7.7
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
@Command(name = "p", mixinStandardHelpOptions = true)
public class P implements Runnable {
    @Option(names = "-n") int n = 3;
    public void run() { System.out.println("picocli " + CommandLine.VERSION + " n=" + n); }
    public static void main(String[] a) { System.exit(new CommandLine(new P()).execute(a)); }
}
JAVA
}

# The JDKs of a benchmark: its arguments, else the java on PATH and JDK 25. Sets the array jdks.
bench_jdks() {
  jdks=("$@")
  [ ${#jdks[@]} -gt 0 ] || jdks=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" /usr/lib/jvm/temurin-25-jdk-amd64)
}

# Interleaved rounds (deps.sh, archive.sh, flags.sh; server.sh has its own measure and median):
# now is microseconds with no helper process; measure NAME CMD... appends one sample to
# $work/NAME, and fails the benchmark when the command fails; median prints a file's in ms.
now() { echo "${EPOCHREALTIME/./}"; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'; }
measure() {
  local name=$1; shift
  local t0 t1
  t0=$(now); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; t1=$(now)
  echo $((t1 - t0)) >>"$work/$name"
}

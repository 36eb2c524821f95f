#!/usr/bin/env bash
# The compile server against what people run instead, every round a miss: an edit to Hello, an
# edit to one file of a 30-file program, of a generated 21-file Maven module and of jsoup (a real
# module, its sources from Maven Central); and the first miss with no server yet (it then
# starts one), against the same miss with JIFFY_DAEMON=0.
#
#   bench/server.sh            medians of 15 interleaved rounds (RUNS=n to change)
#   QUICK=1 bench/server.sh    5 rounds, noisy
#
# Each round runs each command once (hyperfine -N --runs 1, the order reversed every other
# round), after its --prepare: a new comment appended to the file it builds, so that every
# jiffy round is a miss, and the baseline reads an edited file too. Runs a snapshot of bin/,
# target/jiffy.jar and target/lib in a scratch directory, with a scratch cache, on
# $JAVA_HOME (else the java on PATH). Writes the section "## Compile server (bench/server.sh),
# JDK N" of bench/RESULTS.md up to its "Server memory" line, keeping the notes written below
# it (WRITE_RESULTS=0: print only). Needs hyperfine, jq and mvn (3.9, fetched
# from Maven Central as bench/projects.sh does, for the module case).
set -uo pipefail

here=$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd -P) || exit 1
root=$(cd -P "$here/.." && pwd -P) || exit 1
cd "$root" || exit 1
die() { echo "server.sh: $*" >&2; exit 1; }
note() { echo "server.sh: $*" >&2; }
warn() { note "$*"; }
# shellcheck disable=SC2034 # read by lib.sh
MAVEN_VERSION=${MAVEN_VERSION:-3.9.11} MAVEN_FALLBACK=3.9.9 V_DEPENDENCY=3.8.1
# shellcheck source=bench/lib.sh
. "$here/lib.sh"

if [ "${QUICK:-0}" = 1 ]; then RUNS=${RUNS:-5} WARMUP=${WARMUP:-1}; else RUNS=${RUNS:-15} WARMUP=${WARMUP:-2}; fi
command -v hyperfine >/dev/null || die "hyperfine is not installed (apt-get install hyperfine)"
command -v jq >/dev/null || die "jq is not installed (apt-get install jq)"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/jiffy-server-bench.XXXXXX") || exit 1
cleanup() { [ -n "${jiffy-}" ] && "$jiffy" daemon stop >/dev/null 2>&1; pkill -f "CompileServe[r] $scratch/" 2>/dev/null; rm -rf "$scratch"; }
trap cleanup EXIT

bin/jiffy version >/dev/null 2>"$scratch/build.log" || { cat "$scratch/build.log" >&2; die "building jiffy failed"; }
mkdir -p "$scratch/jiffy/target"
cp -R bin "$scratch/jiffy/" && cp target/*.jar "$scratch/jiffy/target/" && cp -R target/lib "$scratch/jiffy/target/" ||
  die "cannot copy bin/ and target/"
jiffy=$scratch/jiffy/bin/jiffy
rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
unset JIFFY_VERIFY JIFFY_DEBUG_HASH JIFFY_DEBUG JIFFY_REMOTE_CACHE JIFFY_OFFLINE JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS
export JIFFY_CACHE=$scratch/cache JIFFY_DAEMON=1 JIFFY_DAEMON_IDLE=1h
java=${JAVA_HOME:+$JAVA_HOME/bin/}java javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac

# ---- the programs -----------------------------------------------------------------------
w=$scratch/w
mkdir -p "$w/hello-java" "$w/hello-jiffy" "$w/p30/gen" "$w/module/src/main/java/m"
cp examples/hello/Hello.java "$w/hello-java/" && cp examples/hello/Hello.java "$w/hello-jiffy/"
for ((k = 1; k <= 29; k++)); do
  next=$((k % 29 + 1))
  printf 'package gen;\n\nfinal class C%02d {\n    static long step(long acc, int depth) {\n        long r = acc * 31 + %d;\n        return depth == 0 ? r : C%02d.step(r, depth - 1);\n    }\n}\n' \
    "$k" "$k" "$next" >"$w/p30/gen/C$(printf %02d "$k").java"
done
printf 'package gen;\n\npublic final class Main {\n    public static void main(String[] args) {\n        System.out.println("result " + C01.step(17L, 28));\n    }\n}\n' >"$w/p30/gen/Main.java"
files30=$(find "$w/p30" -name '*.java' | sort | tr '\n' ' ')
cat >"$w/module/pom.xml" <<'EOF'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>module</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
</project>
EOF
for ((k = 1; k <= 20; k++)); do
  printf 'package m;\n\nfinal class M%02d {\n    static int v() { return %d; }\n}\n' "$k" "$k" >"$w/module/src/main/java/m/M$(printf %02d "$k").java"
done
printf 'package m;\n\npublic final class App {\n    public static void main(String[] args) { System.out.println("module " + M01.v()); }\n}\n' \
  >"$w/module/src/main/java/m/App.java"
pick_maven
# A real module: jsoup's sources and pom from Maven Central (its examples package, which the
# pom's manifest names, is not in the sources jar: a one-file main stands in for it).
JSOUP=${JSOUP:-1.21.1}
mkdir -p "$w/jsoup/src/main/java/bench" "$scratch/dl"
(cd "$scratch/dl" && for a in "jar:sources" pom; do
  "$mvn39" -q -B "org.apache.maven.plugins:maven-dependency-plugin:$V_DEPENDENCY:copy" \
    "-Dartifact=org.jsoup:jsoup:$JSOUP:$a" "-DoutputDirectory=$scratch/dl" || exit 1
done) >"$scratch/dl.log" 2>&1 || { cat "$scratch/dl.log" >&2; die "cannot fetch org.jsoup:jsoup:$JSOUP sources and pom"; }
cp "$scratch/dl/jsoup-$JSOUP.pom" "$w/jsoup/pom.xml" &&
  (cd "$w/jsoup/src/main/java" && unzip -q "$scratch/dl/jsoup-$JSOUP-sources.jar" -x 'META-INF/*') || die "cannot unpack jsoup"
printf 'package bench;\n\npublic final class Main {\n    public static void main(String[] args) {\n        System.out.println(org.jsoup.Jsoup.parse("<p>jsoup</p>").text());\n    }\n}\n' \
  >"$w/jsoup/src/main/java/bench/Main.java"
jsoup_files=$(find "$w/jsoup/src/main/java" -name '*.java' | wc -l)

edit() { q sh -c "printf '// %s\n' \"\$(date +%s%N)\" >> \"\$1\"" sh "$1"; }
c_java_src=$(q "$java" "$w/hello-java/Hello.java")
c_jiffy_hello=$(q "$jiffy" run "$w/hello-jiffy/Hello.java")
c_jiffy_hello_off=$(q env JIFFY_DAEMON=0 "$jiffy" run "$w/hello-jiffy/Hello.java")
c_javac30="$(q "$javac" -d "$w/out30") $files30"
c_jiffy30=$(q "$jiffy" build "$w/p30")
c_jiffy30_off=$(q env JIFFY_DAEMON=0 "$jiffy" build "$w/p30")
c_mvn=$(q "$mvn39" -q -o -f "$w/module/pom.xml" compile)
c_jiffy_mod=$(q "$jiffy" build "$w/module")
c_jiffy_mod_off=$(q env JIFFY_DAEMON=0 "$jiffy" build "$w/module")
c_mvn_jsoup=$(q "$mvn39" -q -o -f "$w/jsoup/pom.xml" compile)
c_jiffy_jsoup=$(q "$jiffy" build -main bench.Main "$w/jsoup")
c_jiffy_jsoup_off=$(q env JIFFY_DAEMON=0 "$jiffy" build -main bench.Main "$w/jsoup")
c_first_off=$(q env JIFFY_DAEMON=0 "$jiffy" run -a "$w/hello-jiffy/Hello.java")
c_first_on=$(q "$jiffy" run -a "$w/hello-jiffy/Hello.java")
# [r]: the pattern must not match the command lines that carry it (hyperfine's, this sh's).
stop_servers=$(q sh -c "pkill -f \"CompileServe[r] \$1\"; sleep 0.3" sh "$JIFFY_CACHE/daemon")

for m in module jsoup; do
  (cd "$w/$m" && "$mvn39" -q compile) >/dev/null 2>&1 || die "mvn compile of $m failed (online, once)"
done
"$jiffy" build -main bench.Main "$w/jsoup" || die "jiffy build of jsoup failed"
"$jiffy" run "$w/hello-jiffy/Hello.java" >/dev/null && "$jiffy" build "$w/p30" && "$jiffy" build "$w/module" || die "jiffy failed"
for ((i = 0; i < 600; i++)); do "$jiffy" daemon status | grep -q '^pid' && break; sleep 0.1; done
"$jiffy" daemon status | grep -q '^pid' || die "no compile server came up"

rows=()
# measure CASE GOAL label1 prepare1 cmd1 label2 prepare2 cmd2 ...: the first is the baseline,
# the second is held to GOAL (a ratio), the others are shown beside them.
measure() {
  local cname=$1 goal=$2 labels=() preps=() cmds=() i r k n t=$scratch/t.$RANDOM
  shift 2
  while [ $# -gt 0 ]; do labels+=("$1"); preps+=("$2"); cmds+=("$3"); shift 3; done
  n=${#cmds[@]}
  mkdir -p "$t"
  note "$cname: $WARMUP warm-up and $RUNS interleaved rounds of $n commands"
  for ((r = 1 - WARMUP; r <= RUNS; r++)); do
    local order=() args=()
    if ((r % 2)); then for ((i = 0; i < n; i++)); do order+=("$i"); done; else for ((i = n - 1; i >= 0; i--)); do order+=("$i"); done; fi
    for i in "${order[@]}"; do args+=(--prepare "${preps[$i]}"); done
    for i in "${order[@]}"; do args+=("${cmds[$i]}"); done
    hyperfine -N --style none --runs 1 --export-json "$t/r.json" "${args[@]}" >/dev/null 2>"$t/err" ||
      { cat "$t/err" >&2; die "hyperfine failed in $cname"; }
    ((r >= 1)) || continue
    k=0
    while read -r v; do echo "$v" >>"$t/time.${order[$k]}"; k=$((k + 1)); done < <(jq -r '.results[].median' "$t/r.json")
  done
  local base
  base=$(median <"$t/time.0")
  for ((i = 0; i < n; i++)); do
    local m ratio g=-
    m=$(median <"$t/time.$i")
    ratio=$(awk -v a="$m" -v b="$base" 'BEGIN {printf "%.2fx", a / b}')
    [ "$i" = 1 ] && g=$(awk -v a="$m" -v b="$base" -v g="$goal" 'BEGIN {printf "<= %sx: %s", g, (a / b <= g) ? "met" : "MISSED"}')
    rows+=("$cname|${labels[$i]}|$(awk -v a="$m" 'BEGIN {printf "%.1f", a * 1000}')|$ratio|$g")
  done
}
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

measure "edit-run Hello" 0.35 "java Hello.java" "$(edit "$w/hello-java/Hello.java")" "$c_java_src" \
  "jiffy run Hello.java, server" "$(edit "$w/hello-jiffy/Hello.java")" "$c_jiffy_hello" \
  "jiffy run Hello.java, JIFFY_DAEMON=0" "$(edit "$w/hello-jiffy/Hello.java")" "$c_jiffy_hello_off"
measure "30 files, one edited" 0.25 "javac -d out <30 files>" "$(edit "$w/p30/gen/C07.java")" "$c_javac30" \
  "jiffy build <dir>, server" "$(edit "$w/p30/gen/C07.java")" "$c_jiffy30" \
  "jiffy build <dir>, JIFFY_DAEMON=0" "$(edit "$w/p30/gen/C07.java")" "$c_jiffy30_off"
measure "module, one file edited" 0.30 "mvn -q -o compile" "$(edit "$w/module/src/main/java/m/M07.java")" "$c_mvn" \
  "jiffy build <module>, server" "$(edit "$w/module/src/main/java/m/M07.java")" "$c_jiffy_mod" \
  "jiffy build <module>, JIFFY_DAEMON=0" "$(edit "$w/module/src/main/java/m/M07.java")" "$c_jiffy_mod_off"
measure "jsoup $JSOUP ($jsoup_files files), one edited" 0.30 "mvn -q -o compile" "$(edit "$w/jsoup/src/main/java/org/jsoup/nodes/Element.java")" "$c_mvn_jsoup" \
  "jiffy build <module>, server" "$(edit "$w/jsoup/src/main/java/org/jsoup/nodes/Element.java")" "$c_jiffy_jsoup" \
  "jiffy build <module>, JIFFY_DAEMON=0" "$(edit "$w/jsoup/src/main/java/org/jsoup/nodes/Element.java")" "$c_jiffy_jsoup_off"
measure "first miss, no server" 1.05 "jiffy run -a, JIFFY_DAEMON=0" "$stop_servers" "$c_first_off" \
  "jiffy run -a, starts a server" "$stop_servers" "$c_first_on"

"$jiffy" run "$w/hello-jiffy/Hello.java" >/dev/null 2>&1
for ((i = 0; i < 600; i++)); do "$jiffy" daemon status | grep -q '^pid' && break; sleep 0.1; done
for i in 1 2 3 4 5; do sh -c "$(edit "$w/hello-jiffy/Hello.java")"; sh -c "$c_jiffy_hello" >/dev/null; done
busy=$("$jiffy" daemon status | grep -E '^(heap|rss)')
sleep 13 # the server collects its heap after 10 s without work
idle=$("$jiffy" daemon status | grep -E '^(heap|rss)')

report=$scratch/report.md
feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
heading="## Compile server (bench/server.sh), JDK $feature"
{
  echo "$heading"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- JDK: $("$java" -version 2>&1 | sed -n 2p); jiffy: a snapshot of bin/ and target/ ($rev); Maven $maven_version"
  echo "- $RUNS interleaved rounds (hyperfine -N --runs 1 each, order reversed every other round) after $WARMUP warm-up; each command's --prepare appends a comment to the file it builds, so every jiffy round is a miss; medians"
  echo
  echo "| case | command | median ms | ratio | goal |"
  echo "|---|---|---:|---:|---|"
  for r in "${rows[@]}"; do echo "| ${r//|/ | } |"; done
  echo
  echo "Server memory after five Hello edits: $(echo "$busy" | tr -s ' ' | paste -sd';' -); after 13 s idle: $(echo "$idle" | tr -s ' ' | paste -sd';' -)."
} >"$report"
cat "$report"
if [ "${WRITE_RESULTS:-1}" = 1 ]; then
  results=$here/RESULTS.md
  awk -v f="$report" -v h="$heading" 'BEGIN {while ((getline l < f) > 0) sec = sec l "\n"}
    $0 == h {printf "%s", sec; skip = 1; done = 1; next}
    skip && /^Server memory/ {skip = 0; next}
    skip && /^## / {skip = 0; print ""}
    !skip {print}
    END {if (!done) printf "\n%s", sec}' "$results" >"$scratch/results" && cp "$scratch/results" "$results"
fi

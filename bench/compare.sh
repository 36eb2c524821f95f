#!/usr/bin/env bash
# Whole-command benchmark: jiffy against `java -cp`, `java X.java`, the javac CLI and JBang,
# per JDK, with the commands of each comparison interleaved in the same run.
#
#   bench/compare.sh [jdk-home...]     full run: medians of 21 rounds (RUNS=n to change)
#   QUICK=1 bench/compare.sh           trial run: 5 rounds, noisy, marked QUICK in RESULTS.md
#
# JDKs: the homes given as arguments; by default $JAVA_HOME (else the JDK of `java` on PATH)
# and a JDK 25 under /usr/lib/jvm when one is installed.
# Prints a table and writes it into bench/RESULTS.md, replacing only the section headed
# "## Whole commands (bench/compare.sh)" (WRITE_RESULTS=0: print only).
# Needs hyperfine, jq and GNU time (/usr/bin/time, for peak RSS; without it RSS is n/a);
# JBang 0.132.1 comes from Maven Central through `mvn dependency:copy` (JBANG_JAR=path to
# use a local jbang.jar); without it the JBang rows are skipped.
# Other settings: RUNS, WARMUP, RSS_RUNS, KEEP_SCRATCH=1 (keep the temp dir),
# BENCH_IN_TREE=1 (run bin/jiffy in the tree, not a snapshot of bin/, target/jiffy.jar and target/lib).
set -uo pipefail

here=$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd -P) || exit 1
root=$(cd -P "$here/.." && pwd -P) || exit 1
cd "$root" || exit 1

QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then
  RUNS=${RUNS:-5} WARMUP=${WARMUP:-2} RSS_RUNS=${RSS_RUNS:-3}
else
  RUNS=${RUNS:-21} WARMUP=${WARMUP:-3} RSS_RUNS=${RSS_RUNS:-5}
fi
JBANG_VERSION=0.132.1
RESULTS=$here/RESULTS.md
SECTION='## Whole commands (bench/compare.sh)'
hello=examples/hello/Hello.java
started=$(date +%s)

die() { echo "compare.sh: $*" >&2; exit 1; }
note() { echo "compare.sh: $*" >&2; }
warnings=()  # also printed with the results
warn() { note "$*"; warnings+=("$*"); }

case ${1-} in -h | --help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;; esac

command -v hyperfine >/dev/null || die "hyperfine is not installed (apt-get install hyperfine)"
command -v jq >/dev/null || die "jq is not installed (apt-get install jq)"
timecmd=
if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
  timecmd=/usr/bin/time
else
  note "GNU time not found at /usr/bin/time: peak RSS is not measured"
fi

# ---- JDKs -------------------------------------------------------------------------------
jdks=()
add_jdk() {
  local h
  h=$(cd -P "$1" 2>/dev/null && pwd -P) || die "no such JDK home: $1"
  [ -x "$h/bin/java" ] && [ -x "$h/bin/javac" ] || die "not a JDK home (needs bin/java and bin/javac): $1"
  local j
  for j in ${jdks[@]+"${jdks[@]}"}; do [ "$j" = "$h" ] && return 0; done
  jdks+=("$h")
}
if [ $# -gt 0 ]; then
  for a in "$@"; do add_jdk "$a"; done
else
  if [ -n "${JAVA_HOME-}" ]; then
    add_jdk "$JAVA_HOME"
  else
    j=$(command -v java) || die "no java on PATH and no JAVA_HOME; give JDK homes as arguments"
    j=$(readlink -f "$j") && add_jdk "${j%/bin/java}"
  fi
  for d in /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/java-25-openjdk* /usr/lib/jvm/jdk-25*; do
    if [ -x "$d/bin/javac" ]; then add_jdk "$d"; break; fi
  done
fi
jdk_version() { # short version, from the release file
  local v
  v=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$1/release" 2>/dev/null)
  [ -n "$v" ] || v=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')
  echo "$v"
}

# ---- scratch dir ------------------------------------------------------------------------
scratch=$(mktemp -d "${TMPDIR:-/tmp}/jiffy-bench.XXXXXX") || die "mktemp failed"
cleanup() {
  if [ "${KEEP_SCRATCH:-0}" = 1 ]; then note "scratch dir kept: $scratch"; return; fi
  chmod -R u+w "$scratch" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Settings that change what jiffy does are the scratch cache's alone.
unset JIFFY_VERIFY JIFFY_DEBUG_HASH JIFFY_DEBUG JIFFY_REMOTE_CACHE JIFFY_REMOTE_UPLOAD \
  JIFFY_OFFLINE JIFFY_CACHE_MAX JIFFY_TRIM_AGE JBANG_JAVA_OPTIONS JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS

# ---- jiffy ------------------------------------------------------------------------------
# Other people edit and rebuild this tree while the benchmark runs; a run file pins
# target/jiffy.jar, and the launcher rebuilds the tool when a source is newer than the jar.
# So by default the benchmark runs a snapshot of the launcher and the jar, built first.
rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git -C "$root" status --porcelain -- src/main bin pom.xml 2>/dev/null)" ] && rev="$rev + uncommitted changes in src/main, bin or pom.xml"
if [ "${BENCH_IN_TREE:-0}" = 1 ]; then
  jiffy_root=$root
  jiffy_where="bin/jiffy in the tree ($rev)"
else
  bin/jiffy version >/dev/null 2>"$scratch/jiffy-build.log" ||
    { cat "$scratch/jiffy-build.log" >&2; [ -f target/jiffy.jar ] || die "building jiffy failed"; warn "building jiffy failed; using the existing target/jiffy.jar"; }
  # The launcher, the jar and its runtime jars (target/lib); jiffy's own class-data archive
  # (target/cds) is left behind: the launcher dumps a fresh one on the snapshot's first run.
  jiffy_root=$scratch/jiffy
  mkdir -p "$jiffy_root/target"
  cp -R bin "$jiffy_root/" && cp target/*.jar "$jiffy_root/target/" || die "cannot copy bin/ and target/jiffy.jar"
  if [ -d target/lib ]; then cp -R target/lib "$jiffy_root/target/" || die "cannot copy target/lib"; fi
  jiffy_where="a snapshot of bin/, target/jiffy.jar and target/lib ($rev, jar built $(date -u -r target/jiffy.jar '+%Y-%m-%d %H:%M UTC'))"
fi
jiffy=$jiffy_root/bin/jiffy

# ---- generated programs -----------------------------------------------------------------
# A package `gen` of n files: classes C01..C(n-1) that call each other in a chain (each also
# calls one other class), and a Main that prints the result.
gen_program() {
  local dir=$1 n=$2 m=$(($2 - 1)) k c next other
  mkdir -p "$dir/gen"
  for ((k = 1; k <= m; k++)); do
    c=$(printf 'C%02d' "$k")
    next=$(printf 'C%02d' $((k % m + 1)))
    other=$(printf 'C%02d' $(((k * 7) % m + 1)))
    cat >"$dir/gen/$c.java" <<EOF
package gen;

import java.util.ArrayList;
import java.util.List;

/** Generated by bench/compare.sh: one of $m classes that call each other. */
final class $c {
    private final List<Integer> values = new ArrayList<>();

    $c(int seed) {
        for (int i = 0; i < 16; i++) {
            values.add(seed * 31 + i * 7);
        }
    }

    long mix(long acc) {
        long r = acc;
        for (int v : values) {
            r = r * 1_000_003L ^ v;
        }
        return r;
    }

    static String describe(int depth) {
        return "$c:" + depth;
    }

    static long step(long acc, int depth) {
        long r = new $c($k + depth).mix(acc) + $other.describe(depth).length();
        return depth == 0 ? r : $next.step(r, depth - 1);
    }
}
EOF
  done
  cat >"$dir/gen/Main.java" <<EOF
package gen;

/** Generated by bench/compare.sh: runs the chain through all $m classes. */
public final class Main {
    public static void main(String[] args) {
        long r = C01.step(17L, $((m - 1)));
        System.out.println(String.format("result %d from $n files", r));
    }
}
EOF
}
src20=$scratch/prog20 src30=$scratch/prog30
gen_program "$src20" 20
gen_program "$src30" 30
files20=$(find "$src20" -name '*.java' | sort | tr '\n' ' ')
files30=$(find "$src30" -name '*.java' | sort | tr '\n' ' ')

# ---- JBang ------------------------------------------------------------------------------
# Maven Central has jbang-cli as jars only (plain, and "-all" with its dependencies), not the
# distribution with bin/jbang; so the launcher is emulated: run dev.jbang.Main, and when it
# exits with 255 exec the command it printed on stdout, with the environment JBang's own
# script sets. (The real script forks a few more helpers: uname, readlink, dirname.)
jbang=
jbang_status=
get_jbang() {
  local d=$scratch/jbang
  mkdir -p "$d/bin" "$d/dl"
  if [ -n "${JBANG_JAR-}" ]; then
    cp "$JBANG_JAR" "$d/bin/jbang.jar" || { jbang_status="skipped: cannot read JBANG_JAR=$JBANG_JAR"; return 1; }
    jbang_status="JBang from JBANG_JAR ($(basename "$JBANG_JAR"))"
  else
    command -v mvn >/dev/null || { jbang_status="skipped: no mvn to fetch dev.jbang:jbang-cli:$JBANG_VERSION"; return 1; }
    if ! (cd "$d" && mvn -q -B -Dstyle.color=never dependency:copy "-Dartifact=dev.jbang:jbang-cli:$JBANG_VERSION:jar:all" \
      "-DoutputDirectory=$d/dl") >"$d/mvn.log" 2>&1 || [ ! -f "$d/dl/jbang-cli-$JBANG_VERSION-all.jar" ]; then
      jbang_status="skipped: could not fetch dev.jbang:jbang-cli:$JBANG_VERSION:jar:all from Maven Central ($(grep -m1 ERROR "$d/mvn.log" | sed 's/\x1b\[[0-9;]*m//g' | cut -c1-200))"
      return 1
    fi
    mv "$d/dl/jbang-cli-$JBANG_VERSION-all.jar" "$d/bin/jbang.jar"
    jbang_status="JBang $JBANG_VERSION: dev.jbang:jbang-cli:$JBANG_VERSION:jar:all from Maven Central (no distribution zip is published there), run by an emulated bin/jbang wrapper"
  fi
  cat >"$d/bin/jbang" <<'EOF'
#!/usr/bin/env bash
# Emulates JBang's bin/jbang: run dev.jbang.Main; exit status 255 means "exec what it printed".
jar=$(cd "$(dirname "$0")" && pwd)/jbang.jar
if [ -n "${JAVA_HOME-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi
export JBANG_RUNTIME_SHELL=bash JBANG_LAUNCH_CMD="$0"
JBANG_STDIN_NOTTY=$([ -t 0 ] && echo false || echo true)
export JBANG_STDIN_NOTTY
out=$(CLICOLOR_FORCE=1 "$java" ${JBANG_JAVA_OPTIONS-} -classpath "$jar" dev.jbang.Main "$@")
s=$?
if [ "$s" = 255 ]; then eval "exec $out"; fi
if [ -n "$out" ]; then printf '%s\n' "$out"; fi
exit "$s"
EOF
  chmod +x "$d/bin/jbang"
  jbang=$d/bin/jbang
}
get_jbang || note "JBang $jbang_status"

# ---- measuring --------------------------------------------------------------------------
median() { sort -g | awk '{a[NR] = $1} END {if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
q() { local s= a; for a in "$@"; do s+="$(printf '%q' "$a") "; done; echo "${s% }"; }

# Runs a command string once as a check; it must exit 0 and print $2 (if given).
check() {
  local out
  out=$(eval "$1" </dev/null 2>&1)
  local s=$?
  if [ "$s" != 0 ] || { [ -n "${2-}" ] && [[ $out != *"$2"* ]]; }; then
    printf 'command failed (exit %s): %s\n%s\n' "$s" "$1" "$out" >&2
    return 1
  fi
}

# Waits until no start-up archive that a run recorded is still being checked and placed in the background.
wait_dumps() {
  local i
  for ((i = 0; i < 240; i++)); do
    [ -z "$(find "$cache.train" -name '*.placing' 2>/dev/null | head -n 1)" ] && return 0
    sleep 0.5
  done
  warn "a start-up archive in $cache was not placed in 2 minutes"
}

# The run file of a target and its identity (inode and mtime): the JVM path rewrites it, a hit does not.
runfile_of() { case $1 in /*) echo "$cache/run$1.run" ;; *) echo "$cache/run$root/$1.run" ;; esac; }
runfile_id() { stat -c '%i %.9Y' "$1" 2>/dev/null || echo missing; }

rows=()      # JDK|case|command|median ms|ratio|goal|rss
goals=()     # lines for the goal summary
# measure CASE GOAL_RATIO label1 cmd1 label2 cmd2 ... : the first command is the baseline, the
# second jiffy's (its ratio is held to GOAL_RATIO), further ones are reported for reference.
measure() {
  local cname=$1 goal=$2
  shift 2
  local labels=() cmds=() i r k n
  while [ $# -gt 0 ]; do labels+=("$1"); cmds+=("$2"); shift 2; done
  n=${#cmds[@]}
  local t=$scratch/t.$RANDOM
  mkdir -p "$t"
  echo "  $cname: warm-up ($WARMUP each), then $RUNS interleaved rounds of $n commands" >&2
  hyperfine -N --style none --warmup "$WARMUP" --runs 1 "${cmds[@]}" >/dev/null 2>"$t/err" ||
    { cat "$t/err" >&2; die "hyperfine failed in the warm-up of: $cname"; }
  wait_dumps
  for ((r = 1; r <= RUNS; r++)); do
    local order=()
    if ((r % 2)); then for ((i = 0; i < n; i++)); do order+=("$i"); done
    else for ((i = n - 1; i >= 0; i--)); do order+=("$i"); done; fi
    local ordered=()
    for i in "${order[@]}"; do ordered+=("${cmds[$i]}"); done
    hyperfine -N --style none --runs 1 --export-json "$t/r.json" "${ordered[@]}" >/dev/null 2>"$t/err" ||
      { cat "$t/err" >&2; die "hyperfine failed in round $r of: $cname"; }
    k=0
    while read -r v; do
      echo "$v" >>"$t/time.${order[$k]}"
      k=$((k + 1))
    done < <(jq -r '.results[].median' "$t/r.json")
  done
  # Peak RSS: max resident set of the command's process tree (GNU time, i.e. wait4), interleaved too.
  if [ -n "$timecmd" ]; then
    for ((r = 1; r <= RSS_RUNS; r++)); do
      for ((i = 0; i < n; i++)); do
        eval "$timecmd -f %M -o $t/rss1 ${cmds[$i]}" </dev/null >/dev/null 2>&1 &&
          cat "$t/rss1" >>"$t/rss.$i"
      done
    done
  fi
  local base_ms= base_rss=
  for ((i = 0; i < n; i++)); do
    local ms rss ratio g=-
    ms=$(median <"$t/time.$i" | awk '{printf "%.1f", $1 * 1000}')
    rss=n/a
    [ -s "$t/rss.$i" ] && rss=$(median <"$t/rss.$i" | awk '{printf "%.1f", $1 / 1024}')
    if [ "$i" = 0 ]; then
      base_ms=$ms base_rss=$rss ratio="1.00 (baseline)"
    else
      ratio=$(awk -v a="$ms" -v b="$base_ms" 'BEGIN {printf "%.2fx", a / b}')
      if [ "$i" = 1 ]; then
        local met
        met=$(awk -v a="$ms" -v b="$base_ms" -v g="$goal" 'BEGIN {print (a / b <= g) ? "met" : "MISSED"}')
        g="<= ${goal}x: $met"
        # The median of the per-round ratios (each round runs both back to back) tells whether a
        # load change during the run moved the ratio of the medians.
        local paired
        paired=$(paste -d' ' "$t/time.0" "$t/time.1" | awk '{print $2 / $1}' | median | awk '{printf "%.2fx", $1}')
        goals+=("$jdk_label $cname: ${labels[1]} at $ratio of ${labels[0]} (median of per-round ratios $paired), goal <= ${goal}x: $met")
        case $cname in cached*)
          if [ "$rss" != n/a ] && [ "$base_rss" != n/a ]; then
            local d dmet
            d=$(awk -v a="$rss" -v b="$base_rss" 'BEGIN {printf "%+.1f", a - b}')
            dmet=$(awk -v d="$d" 'BEGIN {print (d <= 5) ? "met" : "MISSED"}')
            g="$g; RSS $d MB (<= +5): $dmet"
            goals+=("$jdk_label $cname: a hit adds $d MB RSS over ${labels[0]}, goal <= 5 MB: $dmet")
          fi ;;
        esac
      fi
    fi
    rows+=("$jdk_label|$cname|${labels[$i]}|$ms|$ratio|$g|$rss")
  done
}

# ---- the runs ---------------------------------------------------------------------------
mode="full run, $RUNS rounds"
final=1
if [ "$QUICK" = 1 ] || [ "$RUNS" -lt 15 ]; then
  mode="QUICK run, $RUNS rounds: noisy, not final figures, and its met/MISSED are no verdicts; run bench/compare.sh without QUICK for those"
  final=0
fi
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)
jdk_lines=()
jbang_rows=0
for jdk in "${jdks[@]}"; do
  jdk_label=$(jdk_version "$jdk")
  jdk_lines+=("$jdk_label: $("$jdk/bin/java" -version 2>&1 | sed -n 2p)")
  note "JDK $jdk_label ($jdk)"
  w=$scratch/jdk-$jdk_label
  cache=$w/jiffy-cache
  mkdir -p "$w"
  export JAVA_HOME=$jdk JIFFY_CACHE=$cache
  export JBANG_DIR=$w/jbang JBANG_CACHE_DIR=$w/jbang/cache JBANG_NO_VERSION_CHECK=true
  java=$jdk/bin/java javac=$jdk/bin/javac

  "$javac" -d "$w/classes-hello" "$hello" && "$javac" -d "$w/classes20" $files20 || die "javac failed on the test programs"

  c_java_hello=$(q "$java" -cp "$w/classes-hello" Hello)
  c_java20=$(q "$java" -cp "$w/classes20" gen.Main)
  c_jiffy_hello=$(q "$jiffy" run "$hello")
  c_jiffy20=$(q "$jiffy" run "$src20")
  c_src_hello=$(q "$java" "$hello")
  c_jiffy_cold_hello=$(q "$jiffy" run -a "$hello")
  c_javac30="$(q "$javac" -d "$w/out30") $files30"
  c_jiffy_cold30=$(q "$jiffy" run -a "$src30")
  c_jbang_hello= c_jbang_fresh=
  if [ -n "$jbang" ]; then
    c_jbang_hello=$(q "$jbang" "$hello")
    c_jbang_fresh=$(q "$jbang" --fresh "$hello")
  fi

  for c in "$c_java_hello" "$c_src_hello" "$c_jiffy_cold_hello"; do check "$c" "Hello from jiffy!" || die "a Hello command failed"; done
  for c in "$c_java20" "$c_jiffy_cold30"; do check "$c" "result" || die "a generated program failed"; done
  check "$c_javac30" || die "javac on the 30-file program failed"
  use_jbang=0
  if [ -n "$jbang" ]; then
    if check "$c_jbang_hello" "Hello from jiffy!" && check "$c_jbang_fresh" "Hello from jiffy!"; then
      use_jbang=1 jbang_rows=1
    else
      warn "JBang failed on JDK $jdk_label: its rows are skipped"
    fi
  fi

  # Cached jiffy: a first run builds; the run file is written only when no input changed in
  # the last 2 s; then a couple more runs to warm (the second run records the start-up archive).
  check "$c_jiffy_hello" "Hello from jiffy!" && check "$c_jiffy20" "result" || die "jiffy run failed"
  sleep 3
  for i in 1 2; do check "$c_jiffy_hello" "Hello from jiffy!" && check "$c_jiffy20" "result" || die "jiffy run failed"; done
  wait_dumps
  for i in 1 2; do check "$c_jiffy_hello" "Hello from jiffy!" && check "$c_jiffy20" "result" || die "jiffy run failed"; done
  rf_hello=$(runfile_of "$hello") rf20=$(runfile_of "$src20")
  [ -f "$rf_hello" ] || warn "JDK $jdk_label: no run file for Hello: the cached case measures jiffy's JVM path"
  [ -f "$rf20" ] || warn "JDK $jdk_label: no run file for the 20-file program: the cached case measures jiffy's JVM path"
  id_hello=$(runfile_id "$rf_hello")

  if [ "$use_jbang" = 1 ]; then
    measure "cached Hello" 0.90 "java -cp classes Hello" "$c_java_hello" "bin/jiffy run $hello" "$c_jiffy_hello" \
      "jbang Hello.java" "$c_jbang_hello"
  else
    measure "cached Hello" 0.90 "java -cp classes Hello" "$c_java_hello" "bin/jiffy run $hello" "$c_jiffy_hello"
  fi
  [ "$(runfile_id "$rf_hello")" = "$id_hello" ] || warn "JDK $jdk_label: the run file of Hello changed during the cached runs: some took jiffy's JVM path"
  id20=$(runfile_id "$rf20")
  measure "cached 20 files" 0.90 "java -cp classes gen.Main" "$c_java20" "bin/jiffy run <20-file dir>" "$c_jiffy20"
  [ "$(runfile_id "$rf20")" = "$id20" ] || warn "JDK $jdk_label: the run file of the 20-file program changed during the cached runs: some took jiffy's JVM path"

  if [ "$use_jbang" = 1 ]; then
    measure "cold Hello" 0.60 "java Hello.java" "$c_src_hello" "bin/jiffy run -a $hello" "$c_jiffy_cold_hello" \
      "jbang --fresh Hello.java" "$c_jbang_fresh"
  else
    measure "cold Hello" 0.60 "java Hello.java" "$c_src_hello" "bin/jiffy run -a $hello" "$c_jiffy_cold_hello"
  fi
  measure "cold 30 files" 0.50 "javac -d out <30 files>" "$c_javac30" "bin/jiffy run -a <30-file dir>" "$c_jiffy_cold30"
done

# ---- report -----------------------------------------------------------------------------
report=$scratch/report.md
{
  echo "$SECTION"
  echo
  echo "**${mode}.**"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: nproc $(nproc), Linux $(uname -r), load average at start $load"
  for l in "${jdk_lines[@]}"; do echo "- JDK $l"; done
  echo "- jiffy: $jiffy_where; scratch JIFFY_CACHE per JDK"
  if [ -n "$jbang" ]; then echo "- $jbang_status; scratch JBANG_DIR and JBANG_CACHE_DIR per JDK"
  else echo "- JBang $jbang_status"; fi
  echo "- timing: $(hyperfine --version) with -N (no shell). hyperfine runs all runs of one command before the next, so each of the $RUNS rounds is one hyperfine call with every command of the comparison (--runs 1, order reversed every other round) after --warmup $WARMUP; the median is over the rounds' times from --export-json"
  if [ -n "$timecmd" ]; then echo "- peak RSS: GNU time %M (max RSS of the command and its children, i.e. of the largest JVM), median of $RSS_RUNS interleaved runs"
  else echo "- peak RSS: not measured (no GNU time)"; fi
  echo "- cached: jiffy's run file execs the program without jiffy's JVM (run once, sleep 3 s, run again to warm; a changed run file after the runs is reported); cold: \`jiffy run -a\` rebuilds and runs; the programs are Hello and generated packages of 20 and 30 files"
  echo
  echo "| JDK | case | command | median ms | ratio vs baseline | goal | peak RSS MB |"
  echo "|---|---|---|---:|---:|---|---:|"
  for r in "${rows[@]}"; do echo "| ${r//|/ | } |"; done
  echo
  echo "Goals: cached Hello <= 0.90x and cached 20 files <= 0.90x of \`java -cp\`; cold Hello <= 0.60x of \`java Hello.java\`; cold 30 files <= 0.50x of the javac CLI; a hit adds <= 5 MB RSS over the program's own."
  echo
  for g in "${goals[@]}"; do echo "- $g"; done
  echo
  if [ ${#warnings[@]} -gt 0 ]; then
    echo "Warnings:"
    echo
    for g in "${warnings[@]}"; do echo "- $g"; done
    echo
  fi
} >"$report"

echo
cat "$report"
elapsed=$(($(date +%s) - started))
echo "(took ${elapsed} s)"

if [ "${WRITE_RESULTS:-1}" = 1 ]; then
  if [ ! -f "$RESULTS" ]; then
    { echo "# Benchmark results"; echo; cat "$report"; } >"$RESULTS.tmp.$$"
  else
    # Replace only our section (up to the next "## " heading); append it if it is not there.
    awk -v sec="$report" -v head="$SECTION" '
      function emit(  l) { while ((getline l < sec) > 0) print l; close(sec) }
      $0 == head { emit(); skip = 1; done = 1; next }
      skip && /^## / { skip = 0 }
      !skip { print }
      END { if (!done) { print ""; emit() } }' "$RESULTS" >"$RESULTS.tmp.$$"
  fi
  mv "$RESULTS.tmp.$$" "$RESULTS" && note "wrote the section \"$SECTION\" of bench/RESULTS.md"
  [ "$final" = 1 ] || note "this was a QUICK run: its section in bench/RESULTS.md is marked as such"
fi

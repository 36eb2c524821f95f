#!/usr/bin/env bash
# Same-run benchmark of `jiffy test` in Maven projects, against `mvn -q test` of Maven 3.9:
#   reactor   a generated two-module reactor (root pom, modules lib and app; app needs lib), each
#             module with CLASSES (default 20) JUnit Jupiter test classes of TESTS (default 10)
#             tests doing small real work (strings, collections, streams), one test a module
#             reading a test resource. From the root:
#               cached  `mvn -q test`, `bin/jiffy test ./...` unchanged (both modules `(cached)`),
#                       `bin/jiffy test -count=1 ./...` (the tests run, the builds cached)
#               edit    one test file of app changed each round (hyperfine --prepare rewrites a
#                       string literal): `bin/jiffy test ./...` (lib's result cached, app's tests
#                       run; checked once beforehand) against `mvn -q test` with the same edit
#               cold    `jiffy clean -cache` in --prepare, then `bin/jiffy test ./...` (everything
#                       built again; the jars come from the local Maven repository), against
#                       `mvn -q test` in the same rounds
#   PROJECT   optional: PROJECT=path/to/a/maven/project (apache/commons-cli, say) adds the three
#             cached rows in that directory, in place (mvn writes its target/ dirs there).
#
#   bench/test.sh
#   PROJECT=~/src/commons-cli bench/test.sh
#
# Each series is timed in interleaved rounds, as bench/projects.sh does: each round is one
# hyperfine call (-N, --runs 1) of the series' commands, their order reversed every other round of
# the same commands, so a load that comes and goes falls on all the commands alike. The cheap
# commands (cached and -count=1 jiffy, the edit run of jiffy) are in ROUNDS rounds (default 9);
# Maven in ROUNDS_MVN (default 5), spread evenly among them (round r of N = max(ROUNDS,
# ROUNDS_MVN) when r*ROUNDS_MVN mod N < ROUNDS_MVN); the cold series, both of whose commands are
# slow, in ROUNDS_COLD (default 3). A row gives the median of its command's rounds and their min
# and max; a ratio is the median of jiffy's rounds over the median of the baseline's rounds of
# the same series. Before the rounds: warm-up runs of jiffy by hand, then one hyperfine call with
# WARMUP (default 1) warm-up runs of each command (none in the cold series, whose commands the
# series before it warmed).
# jiffy refuses to keep a result when an input changed in the last 2 s, so the fixture's files
# are dated a minute back and the warm-up sleeps 3 s before the cached runs. Whether the cached
# rows stayed cached (the Maven runs write target/ beside them) is checked after their rounds.
# The edit series and the cold series come after the cached one (an edit or a clean in a round
# would make the next cached run a miss). About 5 minutes on 2 cores without PROJECT (9 under a
# load of 4-15 from other work), the first build of bin/jiffy aside; commons-cli as PROJECT adds
# about 3 (its mvn -q test takes some 14 s).
# Where bin/jiffy fails on a fixture, a warning says so, mvn is timed alone and the ratios read n/a.
# The load averages at the start and the end are printed.
# The fixture is generated into a scratch dir (removed on exit; KEEP_SCRATCH=1 keeps it) whose
# path has a space in it, with a JIFFY_CACHE of its own; jiffy is bin/jiffy of this tree.
# Maven is apache-maven MAVEN_VERSION (default 3.9.11, else 3.9.16) from Maven Central, fetched
# once with the mvn on PATH (`dependency:copy`) into ${XDG_CACHE_HOME:-~/.cache}/jiffy-bench and
# unpacked there; BENCH_MVN=path/to/bin/mvn uses another Maven 3.9 or newer instead. The mvn on
# PATH only fetches; it never runs a fixture. Needs hyperfine and jq. Prints the results only.
set -uo pipefail

here=$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd -P) || exit 1
root=$(cd -P "$here/.." && pwd -P) || exit 1

ROUNDS=${ROUNDS:-9}
ROUNDS_MVN=${ROUNDS_MVN:-5}
ROUNDS_COLD=${ROUNDS_COLD:-3}
WARMUP=${WARMUP:-1}
CLASSES=${CLASSES:-20}
TESTS=${TESTS:-10}
MAVEN_VERSION=${MAVEN_VERSION:-3.9.11}
MAVEN_FALLBACK=3.9.16
JUPITER=5.14.1  # org.junit.jupiter:junit-jupiter, the tests' one dependency from Maven Central
# Plugin versions of the fixture's poms (all served by Maven Central).
V_COMPILER=3.14.0 V_RESOURCES=3.3.1 V_SUREFIRE=3.5.4 V_DEPENDENCY=3.8.1
# Goals, as ratios of jiffy's median to mvn -q test's.
GOAL_CACHED=0.03 GOAL_FIRST=0.6
started=$(date +%s)

die() { echo "test.sh: $*" >&2; exit 1; }
note() { echo "test.sh: $*" >&2; }
warnings=()  # also printed with the results
warn() { note "$*"; warnings+=("$*"); }
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$here/lib.sh"

case ${1-} in -h | --help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;; esac

for v in ROUNDS ROUNDS_MVN ROUNDS_COLD WARMUP CLASSES TESTS; do
  case ${!v} in '' | *[!0-9]*) die "$v=${!v} is not a whole number" ;; esac
done
if [ "$ROUNDS" -lt 1 ] || [ "$ROUNDS_MVN" -lt 1 ] || [ "$ROUNDS_COLD" -lt 1 ]; then die "ROUNDS, ROUNDS_MVN and ROUNDS_COLD must be 1 or more"; fi
if [ "$CLASSES" -lt 1 ] || [ "$TESTS" -lt 1 ]; then die "CLASSES and TESTS must be 1 or more"; fi
command -v hyperfine >/dev/null || die "hyperfine is not installed (apt-get install hyperfine)"
command -v jq >/dev/null || die "jq is not installed (apt-get install jq)"
if [ -n "${JAVA_HOME-}" ]; then java=$JAVA_HOME/bin/java; else java=$(command -v java) || die "no java on PATH and no JAVA_HOME"; fi
[ -x "$java" ] || die "no java at $java"
java_version=$("$java" -version 2>&1 | sed -n 2p)
project=
if [ -n "${PROJECT-}" ]; then
  project=$(cd -P "$PROJECT" 2>/dev/null && pwd -P) || die "PROJECT=$PROJECT is not a directory"
  [ -f "$project/pom.xml" ] || die "PROJECT=$PROJECT has no pom.xml"
fi

# ---- scratch dir ------------------------------------------------------------------------
scratch=$(mktemp -d "${TMPDIR:-/tmp}/jiffy test.XXXXXX") || die "mktemp failed"
scratch=$(cd -P "$scratch" && pwd -P) || die "cannot enter the scratch dir"
cleanup() {
  if [ "${KEEP_SCRATCH:-0}" = 1 ]; then note "scratch dir kept: $scratch"; return; fi
  chmod -R u+w "$scratch" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP PIPE

# Settings that change what jiffy does are the scratch cache's alone.
unset JIFFY_VERIFY JIFFY_DEBUG_HASH JIFFY_DEBUG JIFFY_REMOTE_CACHE JIFFY_REMOTE_UPLOAD \
  JIFFY_OFFLINE JIFFY_CACHE_MAX JIFFY_TRIM_AGE JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS
export JIFFY_CACHE=$scratch/jiffy-cache
mkdir -p "$JIFFY_CACHE"


# ---- Maven 3.9 --------------------------------------------------------------------------
pick_maven

# ---- jiffy ------------------------------------------------------------------------------
jiffy=$root/bin/jiffy
rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git -C "$root" status --porcelain -- src/main bin pom.xml 2>/dev/null)" ] && rev="$rev + uncommitted changes in src/main, bin or pom.xml"
"$jiffy" version >/dev/null 2>"$scratch/jiffy-build.log" || { cat "$scratch/jiffy-build.log" >&2; die "bin/jiffy does not start (building jiffy failed?)"; }


# Runs a command string (as hyperfine -N would split it) in the current directory once; it must
# exit 0 and print each further argument (a fixed string) if given. The output is left in
# $scratch/check.out.
check() {
  local c=$1 s want
  shift
  eval "$c" </dev/null >"$scratch/check.out" 2>&1
  s=$?
  if [ "$s" != 0 ]; then
    printf 'command failed (exit %s) in %s: %s\n' "$s" "$PWD" "$c" >&2
    sed -n 1,40p "$scratch/check.out" >&2
    return 1
  fi
  for want in "$@"; do
    grep -qF -- "$want" "$scratch/check.out" && continue
    printf 'no %q in the output in %s of: %s\n' "$want" "$PWD" "$c" >&2
    sed -n 1,40p "$scratch/check.out" >&2
    return 1
  done
}
# The `jiffy test` lines of $scratch/check.out: each an ok line, and every one (cached) or none.
all_cached() { grep -q '^ok' "$scratch/check.out" && ! grep '^ok' "$scratch/check.out" | grep -qv '(cached)$'; }
none_cached() { grep -q '^ok' "$scratch/check.out" && ! grep -q '(cached)$' "$scratch/check.out"; }
short_out() { head -c 300 "$scratch/check.out" | tr -s '\n\t' '  ' | sed 's/ *$//'; }

# ---- the fixture ------------------------------------------------------------------------
fx="$scratch/two modules"
mkdir -p "$fx/lib/src/main/java/bench/lib" "$fx/lib/src/test/java/bench/lib" "$fx/lib/src/test/resources" \
  "$fx/app/src/main/java/bench/app" "$fx/app/src/test/java/bench/app" "$fx/app/src/test/resources"
cat >"$fx/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>tests</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <modules>
    <module>lib</module>
    <module>app</module>
  </modules>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>$JUPITER</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <pluginManagement>
      <plugins>
        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>$V_COMPILER</version></plugin>
        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>$V_RESOURCES</version></plugin>
        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>$V_SUREFIRE</version></plugin>
      </plugins>
    </pluginManagement>
  </build>
</project>
EOF
module_pom() { # artifactId [dependency xml]
  cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>bench</groupId>
    <artifactId>tests</artifactId>
    <version>1.0</version>
  </parent>
  <artifactId>$1</artifactId>
  <packaging>jar</packaging>
${2-}
</project>
EOF
}
module_pom lib >"$fx/lib/pom.xml"
module_pom app "  <dependencies>
    <dependency>
      <groupId>bench</groupId>
      <artifactId>lib</artifactId>
      <version>\${project.version}</version>
    </dependency>
  </dependencies>" >"$fx/app/pom.xml"
cat >"$fx/lib/src/main/java/bench/lib/Words.java" <<'EOF'
package bench.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Generated by bench/test.sh: the library module's code under test. */
public final class Words {
    private Words() {}

    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.trim().split("\\s+")) {
            if (!w.isEmpty()) words.add(w);
        }
        return words;
    }

    public static int count(String text) {
        return split(text).size();
    }

    public static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    public static Map<String, Integer> frequencies(List<String> words) {
        Map<String, Integer> f = new TreeMap<>();
        for (String w : words) f.merge(w.toLowerCase(), 1, Integer::sum);
        return f;
    }
}
EOF
cat >"$fx/app/src/main/java/bench/app/Report.java" <<'EOF'
package bench.app;

import bench.lib.Words;
import java.util.Map;

/** Generated by bench/test.sh: the application module's code under test (it uses lib). */
public final class Report {
    private Report() {}

    public static String summary(String text) {
        Map<String, Integer> f = Words.frequencies(Words.split(text));
        return Words.count(text) + " words, " + f.size() + " distinct";
    }

    public static String top(String text) {
        String best = "";
        int most = 0;
        for (Map.Entry<String, Integer> e : Words.frequencies(Words.split(text)).entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }
}
EOF
words_resource() {
  local i
  for ((i = 0; i < 50; i++)); do echo "the quick brown fox jumps over the lazy dog $i"; done
}
words_resource >"$fx/lib/src/test/resources/words.txt"
words_resource >"$fx/app/src/test/resources/words.txt"
# test_class MODULE PACKAGE PREFIX I: the I-th test class of a module, TESTS tests doing small
# work with the module's code; class 0 also reads the test resource words.txt, and app's class 0
# holds the literal that the edit series rewrites.
test_class() {
  local pkg=$2 cls=$3$4Test i=$4 j sub
  echo "package $pkg;"
  echo
  echo "import static org.junit.jupiter.api.Assertions.assertEquals;"
  echo "import static org.junit.jupiter.api.Assertions.assertTrue;"
  echo
  echo "import bench.lib.Words;"
  echo "import java.util.*;"
  echo "import java.util.stream.*;"
  echo "import org.junit.jupiter.api.Test;"
  echo
  echo "/** Generated by bench/test.sh. */"
  echo "class $cls {"
  if [ "$i" = 0 ]; then
    [ "$1" = app ] && echo '    static final String EDIT = "edit 0"; // bench-edit: the edit series rewrites this literal'
    cat <<'EOF'
    @Test
    void readsResource() throws Exception {
        try (var in = getClass().getResourceAsStream("/words.txt")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(500, Words.count(text));
            assertEquals(Integer.valueOf(100), Words.frequencies(Words.split(text)).get("the"));
        }
    }
EOF
    [ "$1" = app ] && cat <<'EOF'

    @Test
    void edited() {
        assertTrue(EDIT.startsWith("edit "));
    }
EOF
  fi
  for ((j = 0; j < TESTS; j++)); do
    echo
    echo "    @Test"
    echo "    void work$j() {"
    case $((j % 5)) in
    0) sub="String s = \"alpha beta gamma $i $j\".repeat($((j + 2))); // each join runs two words together
        assertEquals(s, Words.reverse(Words.reverse(s)));
        assertEquals($((5 * (j + 2) - (j + 1))), Words.count(s));" ;;
    1) sub="List<String> w = new ArrayList<>();
        for (int k = 0; k < $((20 + i)); k++) w.add(k % 3 == 0 ? \"Fizz\" : \"w\" + (k % 7));
        assertEquals(Integer.valueOf($(((20 + i + 2) / 3))), Words.frequencies(w).get(\"fizz\"));" ;;
    2) sub="List<Integer> l = new ArrayList<>();
        for (int k = 0; k < 200; k++) l.add((k * 37 + $i + $j) % 101);
        Collections.sort(l);
        for (int k = 1; k < l.size(); k++) assertTrue(l.get(k - 1) <= l.get(k));" ;;
    3) sub="String joined = String.join(\",\", Collections.nCopies($((30 + j)), \"x$i\"));
        assertEquals($((30 + j)), joined.split(\",\").length);
        assertEquals($((30 + j)) * $((${#i} + 2)) - 1, joined.length());" ;;
    4) sub="Map<Integer, List<Integer>> byMod = IntStream.rangeClosed(1, $((100 + j))).boxed()
            .collect(Collectors.groupingBy(k -> k % 4));
        assertEquals($(((100 + j) * (101 + j) / 2)), byMod.values().stream().flatMap(List::stream).mapToInt(Integer::intValue).sum());" ;;
    esac
    if [ "$1" = app ] && [ $((j % 5)) = 3 ]; then
      sub+="
        assertEquals(\"3 words, 2 distinct\", bench.app.Report.summary(\"a b A\"));
        assertEquals(\"fox\", bench.app.Report.top(\"dog fox Fox cat\"));"
    fi
    echo "        $sub"
    echo "    }"
  done
  echo "}"
}
for ((i = 0; i < CLASSES; i++)); do
  test_class lib bench.lib Lib "$i" >"$fx/lib/src/test/java/bench/lib/Lib${i}Test.java"
  test_class app bench.app App "$i" >"$fx/app/src/test/java/bench/app/App${i}Test.java"
done
app_test=$fx/app/src/test/java/bench/app/App0Test.java
tests_lib=$((CLASSES * TESTS + 1)) tests_app=$((CLASSES * TESTS + 2))
# The edit: a new string literal each time, so the test class changes (hyperfine --prepare).
edit=$scratch/edit-app
cat >"$edit" <<'EOF'
#!/bin/sh
# Rewrites the literal on the line marked bench-edit in $1 to a new value.
stamp=$(date +%s%N)
sed -i "s/\"edit [0-9]*\"; \/\/ bench-edit/\"edit $stamp\"; \/\/ bench-edit/" "$1" && grep -q "\"edit $stamp\"" "$1"
EOF
chmod +x "$edit"
# The cold run's --prepare: the whole scratch cache removed, once no archive is being placed in it.
clean=$scratch/clean-cache
cat >"$clean" <<'EOF'
#!/bin/sh
# Waits for the start-up archives being placed in the background, then runs `$1 clean -cache`.
i=0
while [ $i -lt 240 ] && [ -n "$(find "$JIFFY_CACHE.train" -name '*.placing' 2>/dev/null | head -n 1)" ]; do
  sleep 0.5
  i=$((i + 1))
done
"$1" clean -cache >/dev/null
EOF
chmod +x "$clean"
# Inputs older than 2 s let jiffy keep its results from the first run on.
find "$fx" -exec touch -d '1 minute ago' {} +

# ---- measuring --------------------------------------------------------------------------
rows=()   # series|command|rounds|median ms|min ms|max ms
goals=()  # lines for the goal summary
declare -A median_of  # "series|label" -> median ms over its rounds


L_MVN="mvn -q test"
L_CACHED="bin/jiffy test ./... (cached)"
L_COUNT1="bin/jiffy test -count=1 ./..."
L_COLD="clean -cache + bin/jiffy test ./..."
L_JIFFY_EDIT="edit + bin/jiffy test ./..."
L_MVN_EDIT="edit + mvn -q test"

c_mvn=$(q "$mvn39" -q test)
c_cached=$(q "$jiffy" test ./...)
c_count1=$(q "$jiffy" test -count=1 ./...)
c_edit=$(q "$edit" "$app_test")
c_clean=$(q "$clean" "$jiffy")

# Cached jiffy in the current directory: the first run builds and tests (and keeps the results,
# the inputs being old), more runs warm it and let the class-data archive dumps finish. Fails
# (1) when jiffy does, and (2) when the last run did not print every module (cached).
warm_jiffy() {
  local i
  check "$c_cached" || return 1
  sleep 3
  for i in 1 2; do check "$c_cached" || return 1; done
  wait_dumps
  for i in 1 2; do check "$c_cached" || return 1; done
  all_cached || return 2
}
# After a series' rounds: is an unchanged re-run still (cached) in the current directory?
still_cached() { # series
  if ! check "$c_cached" || ! all_cached; then
    warn "$1: after the rounds, bin/jiffy test ./... was no longer (cached) everywhere ($(short_out)): some cached rows may have run tests"
  fi
}

load=$(cut -d' ' -f1-3 /proc/loadavg)
S1="reactor, cached" S2="reactor, edit" S3="reactor, cold" S4="PROJECT"

echo "reactor:" >&2
ok_lib=$'ok  \tbench:lib\t' ok_app=$'ok  \tbench:app\t'
(cd "$fx" && check "$c_mvn") || die "mvn -q test fails in the fixture"
cd "$fx" || die "cannot enter the fixture"
jiffy_ok=1
if ! warm_jiffy; then
  jiffy_ok=0
  warn "reactor: bin/jiffy test ./... FAILED or did not cache: $(short_out); mvn is timed alone"
elif ! check "$c_cached" "${ok_lib}(cached)" "${ok_app}(cached)"; then
  jiffy_ok=0
  warn "reactor: bin/jiffy test ./... did not print both modules (cached): $(short_out); mvn is timed alone"
fi
if [ "$jiffy_ok" = 1 ]; then
  rounds_run "$S1" "$S1" "$fx" "$L_CACHED" "$c_cached" "" cheap "$L_COUNT1" "$c_count1" "" cheap "$L_MVN" "$c_mvn" "" slow
  still_cached "$S1"
  # The edit: lib's result must stay cached, app's tests must run.
  if check "$c_edit" && check "$c_cached" "${ok_lib}(cached)" "$ok_app" && ! grep -qF "${ok_app}(cached)" "$scratch/check.out"; then
    note "after an edit of one test file in app: $(short_out)"
    rounds_run "$S2" "$S2" "$fx" "$L_JIFFY_EDIT" "$c_cached" "$c_edit" cheap "$L_MVN_EDIT" "$c_mvn" "$c_edit" slow
  else
    warn "reactor, edit: after an edit of $(basename "$app_test"), bin/jiffy test ./... did not print lib (cached) and app run: $(short_out); mvn is timed alone"
    rounds_run "$S2" "$S2" "$fx" "$L_MVN_EDIT" "$c_mvn" "$c_edit" slow
  fi
  # Cold: each jiffy run after a clean cache (the clean waits for dumps; it is not timed).
  if check "$c_clean" && check "$c_cached" "$ok_lib" "$ok_app" && none_cached; then
    ROUNDS=$ROUNDS_COLD ROUNDS_MVN=$ROUNDS_COLD WARMUP=0 \
      rounds_run "$S3" "$S3" "$fx" "$L_COLD" "$c_cached" "$c_clean" slow "$L_MVN" "$c_mvn" "" slow
  else
    warn "reactor, cold: after jiffy clean -cache, bin/jiffy test ./... failed or printed a (cached) line: $(short_out); not timed"
  fi
else
  rounds_run "$S1" "$S1" "$fx" "$L_MVN" "$c_mvn" "" slow
fi
ratio "$S1" "unchanged re-run: cached jiffy / mvn -q test" "$L_CACHED" "$L_MVN" "$GOAL_CACHED"
ratio "$S1" "first run: jiffy -count=1 / mvn -q test" "$L_COUNT1" "$L_MVN" "$GOAL_FIRST"
ratio "$S2" "edit: jiffy / mvn -q test" "$L_JIFFY_EDIT" "$L_MVN_EDIT"
ratio "$S3" "first run, empty cache: jiffy / mvn -q test" "$L_COLD" "$L_MVN" "$GOAL_FIRST"

if [ -n "$project" ]; then
  echo "PROJECT $project:" >&2
  cd "$project" || die "cannot enter $project"
  if ! check "$c_mvn"; then
    warn "PROJECT: mvn -q test fails in $project: $(short_out); not timed"
  else
    warm_jiffy
    case $? in
    0)
      rounds_run "$S4" "$S4" "$project" "$L_CACHED" "$c_cached" "" cheap "$L_COUNT1" "$c_count1" "" cheap "$L_MVN" "$c_mvn" "" slow
      still_cached "$S4" ;;
    2)
      warn "PROJECT: an unchanged re-run of bin/jiffy test ./... was not (cached) everywhere in $project: $(short_out); the cached row is left out"
      rounds_run "$S4" "$S4" "$project" "$L_COUNT1" "$c_count1" "" cheap "$L_MVN" "$c_mvn" "" slow ;;
    *)
      warn "PROJECT: bin/jiffy test ./... FAILED in $project: $(short_out); mvn is timed alone"
      rounds_run "$S4" "$S4" "$project" "$L_MVN" "$c_mvn" "" slow ;;
    esac
  fi
  ratio "$S4" "unchanged re-run: cached jiffy / mvn -q test" "$L_CACHED" "$L_MVN" "$GOAL_CACHED"
  ratio "$S4" "first run: jiffy -count=1 / mvn -q test" "$L_COUNT1" "$L_MVN" "$GOAL_FIRST"
fi

# ---- report -----------------------------------------------------------------------------
echo
echo "## Maven tests (bench/test.sh)"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: nproc $(nproc), Linux $(uname -r), load average at start $load, at the end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- JDK: $java_version"
echo "- Maven $maven_version: $maven_where; maven-surefire-plugin $V_SUREFIRE"
echo "- jiffy: bin/jiffy of the tree ($rev); scratch JIFFY_CACHE"
echo "- fixture: a two-module reactor (app needs lib) in a path with a space, JUnit Jupiter $JUPITER, $CLASSES test classes a module ($tests_lib tests in lib, $tests_app in app), one test a module reading a test resource; every command runs from the root"
[ -n "$project" ] && echo "- PROJECT: $(basename "$project") ($(git -C "$project" rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout')), in place"
echo "- timing: $(hyperfine --version) -N in interleaved rounds, each round one hyperfine call (--runs 1) of a series' commands, their order reversed every other round of the same commands; cheap commands in $ROUNDS rounds, Maven in $ROUNDS_MVN spread evenly among them; the cold series in $ROUNDS_COLD; before the rounds --warmup $WARMUP (0 in the cold series); the edit series rewrites a string literal in app's App0Test.java in --prepare before every run; the cold series runs jiffy clean -cache in --prepare"
echo
echo "| series | command | rounds | median ms | min ms | max ms |"
echo "|---|---|---:|---:|---:|---:|"
for r in "${rows[@]}"; do echo "| ${r//|/ | } |"; done
echo
echo "| series | ratio of medians | value | goal | |"
echo "|---|---|---:|---|---|"
for g in "${goals[@]}"; do echo "| ${g//|/ | } |"; done
echo
if [ ${#warnings[@]} -gt 0 ]; then
  echo "Warnings:"
  echo
  for g in "${warnings[@]}"; do echo "- $g"; done
  echo
fi
echo "(took $(($(date +%s) - started)) s)"

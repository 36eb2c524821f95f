#!/usr/bin/env bash
# Same-run benchmark of `jiffy run .` in Maven projects, against `java -cp` and Maven 3.9:
#   one module    a jar project (commons-lang3 from Maven Central, --release 17, exec-maven-plugin's
#                 mainClass): cached `jiffy run .`, `java -cp target/classes:<jars> Main` and
#                 `mvn -q compile exec:java`
#   two modules   a reactor (root pom, modules lib and app; app needs lib and commons-lang3): the same
#                 three in app (mvn from the root), and a one-file edit in app each round
#                 (hyperfine --prepare changes a string literal): `jiffy run .` in app against
#                 `mvn -q -pl app -am compile`
#
#   bench/projects.sh
#
# Each fixture is timed in interleaved rounds, as bench/ab.sh does: each round is one hyperfine
# call (-N, --runs 1) of the fixture's commands, their order reversed every other round of the
# same commands, so a load that comes and goes falls on all the commands alike instead of on the
# runs of one. The cheap commands (jiffy, java -cp) are in ROUNDS rounds (default 15); the Maven
# ones, 2-4 s each, in ROUNDS_MVN (default 7), spread evenly among them (round r of N =
# max(ROUNDS, ROUNDS_MVN) when r*ROUNDS_MVN mod N < ROUNDS_MVN). A row gives the median of its
# command's rounds and their min and max; a ratio is the median of jiffy's rounds over the median
# of the baseline's rounds (a ratio of medians, not a median of per-round ratios). Before the
# rounds: warm-up runs of jiffy by hand, then one hyperfine call with WARMUP (default 2) warm-up
# runs of each command. The edit pair has rounds of its own after the cached ones (an edit would
# make the next cached jiffy run a rebuild); its --prepare runs before each warm-up run and once
# a round. About 3 minutes on 2 cores, the first build of bin/jiffy aside.
# Where bin/jiffy fails on a fixture (a jiffy that does not read reactor modules, say), a warning
# says so, the other commands are timed alone and its ratios read n/a.
# The load averages at the start and the end are printed.
# The fixtures are generated into a scratch dir (removed on exit; KEEP_SCRATCH=1 keeps it) whose
# path has a space in it, with a JIFFY_CACHE of its own; jiffy is bin/jiffy of this tree.
# Maven is apache-maven MAVEN_VERSION (default 3.9.11, else 3.9.16) from Maven Central, fetched
# once with the mvn on PATH (`dependency:copy`) into ${XDG_CACHE_HOME:-~/.cache}/jiffy-bench and
# unpacked there; BENCH_MVN=path/to/bin/mvn uses another Maven 3.9 or newer instead. The mvn on
# PATH only fetches; it never runs a fixture. Needs hyperfine and jq. Prints the results only.
set -uo pipefail

here=$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd -P) || exit 1
root=$(cd -P "$here/.." && pwd -P) || exit 1

ROUNDS=${ROUNDS:-15}
ROUNDS_MVN=${ROUNDS_MVN:-7}
WARMUP=${WARMUP:-2}
MAVEN_VERSION=${MAVEN_VERSION:-3.9.11}
MAVEN_FALLBACK=3.9.16
LANG3=3.18.0  # org.apache.commons:commons-lang3, the one dependency from Maven Central
# Plugin versions of the fixtures' poms (all served by Maven Central).
V_COMPILER=3.14.0 V_RESOURCES=3.3.1 V_DEPENDENCY=3.8.1 V_EXEC=3.5.1
# Goals, as ratios of jiffy's median to the baseline's.
GOAL_JAVA=0.90 GOAL_MVN=0.05 GOAL_EDIT=0.40
started=$(date +%s)

die() { echo "projects.sh: $*" >&2; exit 1; }
note() { echo "projects.sh: $*" >&2; }
warnings=()  # also printed with the results
warn() { note "$*"; warnings+=("$*"); }
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$here/lib.sh"

case ${1-} in -h | --help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;; esac

for v in ROUNDS ROUNDS_MVN WARMUP; do
  case ${!v} in '' | *[!0-9]*) die "$v=${!v} is not a whole number" ;; esac
done
if [ "$ROUNDS" -lt 1 ] || [ "$ROUNDS_MVN" -lt 1 ]; then die "ROUNDS and ROUNDS_MVN must be 1 or more"; fi
command -v hyperfine >/dev/null || die "hyperfine is not installed (apt-get install hyperfine)"
command -v jq >/dev/null || die "jq is not installed (apt-get install jq)"
if [ -n "${JAVA_HOME-}" ]; then java=$JAVA_HOME/bin/java; else java=$(command -v java) || die "no java on PATH and no JAVA_HOME"; fi
[ -x "$java" ] || die "no java at $java"
java_version=$("$java" -version 2>&1 | sed -n 2p)

# ---- scratch dir ------------------------------------------------------------------------
scratch=$(mktemp -d "${TMPDIR:-/tmp}/jiffy projects.XXXXXX") || die "mktemp failed"
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

# The run file of a directory target (an absolute, physical path) and its identity (inode and
# mtime): jiffy's JVM path rewrites it, a hit does not.
runfile_of() { echo "$JIFFY_CACHE/run$1.run"; }
runfile_id() { stat -c '%i %.9Y' "$1" 2>/dev/null || echo missing; }

# Runs a command string (as hyperfine -N would split it) in the current directory once; it must
# exit 0 and print $2 (if given). The output is left in $scratch/check.out.
check() {
  eval "$1" </dev/null >"$scratch/check.out" 2>&1
  local s=$?
  if [ "$s" != 0 ] || { [ -n "${2-}" ] && ! grep -qF -- "$2" "$scratch/check.out"; }; then
    printf 'command failed (exit %s) in %s: %s\n' "$s" "$PWD" "$1" >&2
    sed -n 1,40p "$scratch/check.out" >&2
    return 1
  fi
}

# ---- fixtures ---------------------------------------------------------------------------
plugin_management() {
  cat <<EOF
    <pluginManagement>
      <plugins>
        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>$V_COMPILER</version></plugin>
        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>$V_RESOURCES</version></plugin>
        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>$V_DEPENDENCY</version></plugin>
        <plugin><groupId>org.codehaus.mojo</groupId><artifactId>exec-maven-plugin</artifactId><version>$V_EXEC</version></plugin>
      </plugins>
    </pluginManagement>
EOF
}
lang3_dependency() {
  cat <<EOF
    <dependency>
      <groupId>org.apache.commons</groupId>
      <artifactId>commons-lang3</artifactId>
      <version>$LANG3</version>
    </dependency>
EOF
}
exec_plugin() { # main class
  cat <<EOF
    <plugins>
      <plugin>
        <groupId>org.codehaus.mojo</groupId>
        <artifactId>exec-maven-plugin</artifactId>
        <configuration>
          <mainClass>$1</mainClass>
        </configuration>
      </plugin>
    </plugins>
EOF
}

# (a) One module: a jar project.
fx1="$scratch/one module"
mkdir -p "$fx1/src/main/java/bench/one"
cat >"$fx1/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>one</artifactId>
  <version>1.0</version>
  <packaging>jar</packaging>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
$(lang3_dependency)
  </dependencies>
  <build>
$(plugin_management)
$(exec_plugin bench.one.Main)
  </build>
</project>
EOF
cat >"$fx1/src/main/java/bench/one/Main.java" <<'EOF'
package bench.one;

import org.apache.commons.lang3.StringUtils;

/** Generated by bench/projects.sh: the one-module fixture. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String name = args.length > 0 ? String.join(" ", args) : "one module";
        System.out.println("Hello from " + StringUtils.capitalize(name) + ", " + StringUtils.repeat('=', 3) + " commons-lang3");
    }
}
EOF
out1="Hello from One module, === commons-lang3"

# (b) Two modules: a reactor, app needs lib (same groupId and version) and commons-lang3. exec:java
# runs in every module of the build, so the root sets exec.skip and app clears it; and it
# wants a mainClass even where it skips, so the root names app's.
fx2="$scratch/two modules"
mkdir -p "$fx2/lib/src/main/java/bench/lib" "$fx2/app/src/main/java/bench/app"
cat >"$fx2/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>two</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <modules>
    <module>lib</module>
    <module>app</module>
  </modules>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <exec.skip>true</exec.skip>
    <exec.mainClass>bench.app.Main</exec.mainClass>
  </properties>
  <build>
$(plugin_management)
  </build>
</project>
EOF
module_head() { # artifactId
  cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>bench</groupId>
    <artifactId>two</artifactId>
    <version>1.0</version>
  </parent>
  <artifactId>$1</artifactId>
  <packaging>jar</packaging>
EOF
}
{ module_head lib; echo "</project>"; } >"$fx2/lib/pom.xml"
cat >"$fx2/lib/src/main/java/bench/lib/Greeting.java" <<'EOF'
package bench.lib;

/** Generated by bench/projects.sh: the library module of the two-module fixture. */
public final class Greeting {
    private Greeting() {}

    public static String greet(String name) {
        return "Hello from " + name + " via lib";
    }
}
EOF
{
  module_head app
  cat <<EOF
  <properties>
    <exec.skip>false</exec.skip>
  </properties>
  <dependencies>
    <dependency>
      <groupId>\${project.groupId}</groupId>
      <artifactId>lib</artifactId>
      <version>\${project.version}</version>
    </dependency>
$(lang3_dependency)
  </dependencies>
  <build>
$(exec_plugin bench.app.Main)
  </build>
</project>
EOF
} >"$fx2/app/pom.xml"
app_main=$fx2/app/src/main/java/bench/app/Main.java
cat >"$app_main" <<'EOF'
package bench.app;

import bench.lib.Greeting;
import org.apache.commons.lang3.StringUtils;

/** Generated by bench/projects.sh: the application module of the two-module fixture. */
public final class Main {
    static final String EDIT = "edit 0"; // bench-edit: the edit benchmark rewrites this literal

    private Main() {}

    public static void main(String[] args) {
        String name = args.length > 0 ? String.join(" ", args) : "two modules";
        System.out.println(Greeting.greet(StringUtils.capitalize(name)) + ", commons-lang3, " + EDIT);
    }
}
EOF
out2="Hello from Two modules via lib, commons-lang3"
# The edit: a new string literal each time, so the class changes (hyperfine --prepare).
edit=$scratch/edit-app
cat >"$edit" <<'EOF'
#!/bin/sh
# Rewrites the literal on the line marked bench-edit in $1 to a new value.
stamp=$(date +%s%N)
sed -i "s/\"edit [0-9]*\"; \/\/ bench-edit/\"edit $stamp\"; \/\/ bench-edit/" "$1" && grep -q "\"edit $stamp\"" "$1"
EOF
chmod +x "$edit"
# Inputs older than 2 s let jiffy write its run file on the first run.
find "$fx1" "$fx2" -exec touch -d '1 minute ago' {} +

# ---- building the baselines -------------------------------------------------------------
# target/classes and the dependency jars for java -cp, with the fetched Maven. mdep.outputFile
# is relative to each module.
if ! (cd "$fx1" && "$mvn39" -q -B compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt) >"$scratch/mvn1.log" 2>&1 ||
  [ ! -s "$fx1/target/cp.txt" ]; then
  cat "$scratch/mvn1.log" >&2; die "mvn compile of the one-module fixture failed"
fi
cp1=$fx1/target/classes:$(cat "$fx1/target/cp.txt")
if ! (cd "$fx2" && "$mvn39" -q -B compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt) >"$scratch/mvn2.log" 2>&1 ||
  [ ! -s "$fx2/app/target/cp.txt" ]; then
  cat "$scratch/mvn2.log" >&2; die "mvn compile of the two-module fixture failed"
fi
cp2=$fx2/app/target/classes:$(cat "$fx2/app/target/cp.txt")

# ---- measuring --------------------------------------------------------------------------
rows=()   # fixture|command|rounds|median ms|min ms|max ms
goals=()  # lines for the goal summary
declare -A median_of  # "fixture|label" -> median ms over its rounds


L_JIFFY="bin/jiffy run . (cached)"
L_JAVA="java -cp target/classes:<jars> Main"
L_MVN="mvn -q compile exec:java"
L_JIFFY_EDIT="edit + bin/jiffy run . in app"
L_MVN_EDIT="edit + mvn -q -pl app -am compile"

c_java1=$(q "$java" -cp "$cp1" bench.one.Main)
c_java2=$(q "$java" -cp "$cp2" bench.app.Main)
c_jiffy=$(q "$jiffy" run .)
c_mvn1=$(q "$mvn39" -q compile exec:java)
c_mvn2=$(q "$mvn39" -q -f "$fx2/pom.xml" compile exec:java)
c_mvn2_edit=$(q "$mvn39" -q -f "$fx2/pom.xml" -pl app -am compile)
c_edit=$(q "$edit" "$app_main")

# Cached jiffy: the first run builds (and writes the run file, the inputs being old), more runs
# warm it and let the class-data archive dumps finish. Fails when jiffy does.
warm_jiffy() { # dir expected-output
  local i
  (cd "$1" && check "$c_jiffy" "$2") || return 1
  sleep 3
  for i in 1 2; do (cd "$1" && check "$c_jiffy" "$2") || return 1; done
  wait_dumps
  for i in 1 2; do (cd "$1" && check "$c_jiffy" "$2") || return 1; done
}

load=$(cut -d' ' -f1-3 /proc/loadavg)

# One module.
echo "one module:" >&2
(cd "$fx1" && check "$c_java1" "$out1" && check "$c_mvn1" "$out1") || die "the one-module fixture does not run with java -cp or mvn"
if warm_jiffy "$fx1" "$out1"; then
  rf1=$(runfile_of "$fx1")
  [ -f "$rf1" ] || warn "one module: no run file after the warm-up runs: the cached case measures jiffy's JVM path"
  id1=$(runfile_id "$rf1")
  rounds_run "one module" "one module" "$fx1" "$L_JIFFY" "$c_jiffy" "" cheap \
    "$L_JAVA" "$c_java1" "" cheap "$L_MVN" "$c_mvn1" "" slow
  [ "$(runfile_id "$rf1")" = "$id1" ] || warn "one module: the run file changed during the timed runs: some took jiffy's JVM path"
else
  warn "one module: bin/jiffy run . FAILED (output above); java -cp and mvn are timed alone"
  rounds_run "one module" "one module" "$fx1" "$L_JAVA" "$c_java1" "" cheap "$L_MVN" "$c_mvn1" "" slow
fi
ratio "one module" "cached jiffy / java -cp" "$L_JIFFY" "$L_JAVA" "$GOAL_JAVA"
ratio "one module" "cached jiffy / mvn compile exec:java" "$L_JIFFY" "$L_MVN" "$GOAL_MVN"

# Two modules: jiffy in app; mvn from the root. The edit commands have rounds of their own, after
# the cached ones: an edit in a round would turn the next cached jiffy run into a rebuild.
echo "two modules:" >&2
app=$fx2/app
(cd "$app" && check "$c_java2" "$out2" && check "$c_mvn2" "$out2" && check "$c_edit" && check "$c_mvn2_edit") ||
  die "the two-module fixture does not run with java -cp or mvn"
jiffy2_ok=1
if ! warm_jiffy "$app" "$out2"; then
  jiffy2_ok=0
  warn "two modules: bin/jiffy run . in app FAILED: $(head -c 300 "$scratch/check.out" | tr -s '\n' ' ' | sed 's/ *$//') (does this jiffy read reactor modules yet?); java -cp and mvn are timed alone"
elif ! (cd "$app" && check "$c_edit" && check "$c_jiffy" "$(sed -n 's/.*\("edit [0-9]*"\).*/\1/p' "$app_main" | tr -d '"')"); then
  jiffy2_ok=0
  warn "two modules: after an edit of app's Main.java, bin/jiffy run . in app failed or ran the old class; java -cp and mvn are timed alone"
fi
if [ "$jiffy2_ok" = 1 ]; then
  # The check above edited a source: warm the cached run again.
  find "$fx2" -name '*.java' -exec touch -d '1 minute ago' {} +
  warm_jiffy "$app" "$out2" || warn "two modules: bin/jiffy run . in app failed after the edit check"
  rf2=$(runfile_of "$app")
  [ -f "$rf2" ] || warn "two modules: no run file after the warm-up runs: the cached case measures jiffy's JVM path"
  id2=$(runfile_id "$rf2")
  rounds_run "two modules" "two modules, cached" "$app" "$L_JIFFY" "$c_jiffy" "" cheap \
    "$L_JAVA" "$c_java2" "" cheap "$L_MVN" "$c_mvn2" "" slow
  [ "$(runfile_id "$rf2")" = "$id2" ] || warn "two modules: the run file changed during the timed cached runs: some took jiffy's JVM path"
  rounds_run "two modules" "two modules, edit" "$app" "$L_JIFFY_EDIT" "$c_jiffy" "$c_edit" cheap \
    "$L_MVN_EDIT" "$c_mvn2_edit" "$c_edit" slow
else
  rounds_run "two modules" "two modules, cached" "$app" "$L_JAVA" "$c_java2" "" cheap "$L_MVN" "$c_mvn2" "" slow
  rounds_run "two modules" "two modules, edit" "$app" "$L_MVN_EDIT" "$c_mvn2_edit" "$c_edit" slow
fi
ratio "two modules" "cached jiffy / java -cp" "$L_JIFFY" "$L_JAVA" "$GOAL_JAVA"
ratio "two modules" "cached jiffy / mvn compile exec:java" "$L_JIFFY" "$L_MVN" "$GOAL_MVN"
ratio "two modules" "edit-run jiffy / edit mvn compile" "$L_JIFFY_EDIT" "$L_MVN_EDIT" "$GOAL_EDIT"

# ---- report -----------------------------------------------------------------------------
echo
echo "## Maven projects (bench/projects.sh)"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: nproc $(nproc), Linux $(uname -r), load average at start $load, at the end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- JDK: $java_version"
echo "- Maven $maven_version: $maven_where"
echo "- jiffy: bin/jiffy of the tree ($rev); scratch JIFFY_CACHE"
echo "- fixtures: one module (commons-lang3 $LANG3, --release 17) and a two-module reactor (app needs lib and commons-lang3), in a path with a space; jiffy and java -cp run in the module (app), mvn -f the root pom"
echo "- timing: $(hyperfine --version) -N in interleaved rounds, each round one hyperfine call (--runs 1) of a fixture's commands, their order reversed every other round of the same commands; jiffy and java -cp in $ROUNDS rounds, Maven in $ROUNDS_MVN spread evenly among them; before the rounds --warmup $WARMUP; the edit rows (rounds of their own) rewrite a string literal in app's Main.java in --prepare before every run"
echo
echo "| fixture | command | rounds | median ms | min ms | max ms |"
echo "|---|---|---:|---:|---:|---:|"
for r in "${rows[@]}"; do echo "| ${r//|/ | } |"; done
echo
echo "| fixture | ratio of medians | value | goal | |"
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

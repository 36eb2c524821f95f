#!/usr/bin/env bash
# What is left of a cached //DEPS picocli script's start-up on JDK 25 (issue 16's 0.60x goal):
# the program's placed AOT cache under jiffy's own flags, against `java -cp classes:picocli.jar`,
# the same with JVM flags that would change how every program runs (AOTCompileEagerly, Serial GC,
# C1 only), and an AOT cache from the JDK's own one-step training (-XX:AOTCacheOutput).
# One hyperfine run, commands in turn. Prints only.
# Usage: bench/aotflags.sh [runs] [jdk-home]   (default 20 runs, JDK 25 at its usual place)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
runs=${1:-20}
jdk=${2:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export JIFFY_DAEMON=0 JAVA_HOME=$jdk JIFFY_CACHE=$work/cache
java=$jdk/bin/java
picocli_script "$work/P.java"
touch -d '1 minute ago' "$work/P.java"
# The first run builds, the second records the AOT cache, the third places it.
for _ in 1 2 3; do "$root/bin/jiffy" run "$work/P.java" >/dev/null; sleep 3; done
exe=$(find "$JIFFY_CACHE" -path '*-d/P' -type f | head -n 1)
aot=
for _ in $(seq 240); do
  aot=$(find "$(dirname "$exe")" -name '.cds-*.aot' | head -n 1)
  [ -n "$aot" ] && [ -z "$(find "$JIFFY_CACHE.train" -name '*.placing' 2>/dev/null)" ] && break
  sleep 0.5
done
[ -n "$aot" ] || { echo "aotflags.sh: no AOT cache placed" >&2; exit 1; }
picocli=$(grep -rh --include='*-d' '^info.picocli:picocli:4.7.7' "$JIFFY_CACHE" | head -1 | cut -f3)
"$jdk/bin/javac" -cp "$picocli" -d "$work/classes" "$work/P.java"
"$java" -XX:AOTCacheOutput="$work/one.aot" -XX:-UsePerfData -cp "$exe" P >/dev/null 2>&1
jiffy="$java -XX:-UsePerfData -XX:AOTCache=$aot"
hyperfine -N -w 3 -r "$runs" --export-markdown "$work/r.md" \
  -n 'java -cp classes:picocli.jar P' "$java -cp $work/classes:$picocli P" \
  -n "jiffy's command (its AOT cache)" "$jiffy -cp $exe P" \
  -n '+ -XX:+AOTCompileEagerly' "$jiffy -XX:+UnlockExperimentalVMOptions -XX:+AOTCompileEagerly -cp $exe P" \
  -n '+ -XX:+UseSerialGC' "$jiffy -XX:+UseSerialGC -cp $exe P" \
  -n '+ -XX:TieredStopAtLevel=1' "$jiffy -XX:TieredStopAtLevel=1 -cp $exe P" \
  -n 'the JDK one-step AOT cache (-XX:AOTCacheOutput)' "$java -XX:-UsePerfData -XX:AOTCache=$work/one.aot -cp $exe P" >/dev/null
cat "$work/r.md"

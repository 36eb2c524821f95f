#!/usr/bin/env bash
# Cached runs with dependencies, against running the same jars with java -cp directly:
# a //DEPS picocli script vs `java -cp classes:picocli.jar`, and `jiffy tool` for
# google-java-format vs `java <its Add-Exports> -cp <its jars> Main`. Rounds are interleaved
# (each round runs every command once), medians in ms. Needs the network on its first run.
# Usage: bench/deps.sh [rounds] [jdk-home...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
rounds=${1:-21}
shift || true
bench_jdks "$@"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gjf=com.google.googlejavaformat:google-java-format:1.28.0
picocli_script "$work/P.java"
touch -d '1 minute ago' "$work/P.java"
echo "# bench/deps.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $rounds interleaved rounds, nproc $(nproc), load $(cut -d' ' -f1-3 /proc/loadavg)"
for jdk in "${jdks[@]}"; do
  [ -x "$jdk/bin/java" ] || continue
  export JAVA_HOME=$jdk JIFFY_CACHE=$work/cache-${jdk##*/}
  java=$jdk/bin/java
  "$root/bin/jiffy" run "$work/P.java" >/dev/null
  "$root/bin/jiffy" tool $gjf --version >/dev/null 2>&1
  sleep 3   # the racy rule: run files are written once inputs are 2 s old
  "$root/bin/jiffy" run "$work/P.java" >/dev/null
  "$root/bin/jiffy" tool $gjf --version >/dev/null 2>&1
  # The same jars, from the resolutions jiffy cached (plain text content files).
  picocli=$(grep -rh --include='*-d' -A0 '^info.picocli:picocli:4.7.7' "$JIFFY_CACHE" | head -1 | cut -f3)
  gjfcp=$(grep -rlZ --include='*-d' '^com.google.googlejavaformat:google-java-format:1.28.0' "$JIFFY_CACHE" | head -zn1 | xargs -0 tail -n +2 | cut -f3 | paste -sd:)
  mkdir -p "$work/classes"
  "$jdk/bin/javac" -cp "$picocli" -d "$work/classes" "$work/P.java"
  exports=(--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED
    --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED
    --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED)
  # The second runs recorded the start-up archives; the third start the jobs that place them.
  "$root/bin/jiffy" run "$work/P.java" >/dev/null
  "$root/bin/jiffy" tool $gjf --version >/dev/null 2>&1
  for _ in $(seq 240); do
    [ -z "$(find "$JIFFY_CACHE.train" -name '*.placing' 2>/dev/null | head -n 1)" ] && break; sleep 0.5
  done
  n=$(find "$JIFFY_CACHE" -name '.cds-*.[0-9]*.*' | wc -l)
  [ "$n" -ge 2 ] || echo "warning: $n start-up archives in $JIFFY_CACHE, not 2" >&2
  rm -f "$work"/s-*
  for _ in $(seq "$rounds"); do
    measure s-java "$java" -cp "$work/classes:$picocli" P
    measure s-jiffy "$root/bin/jiffy" run "$work/P.java"
    measure t-java "$java" "${exports[@]}" -cp "$gjfcp" com.google.googlejavaformat.java.Main --version
    measure t-jiffy "$root/bin/jiffy" tool $gjf --version
  done
  echo
  echo "### $("$java" -version 2>&1 | head -1)"
  echo
  echo "| case | command | median ms | ratio |"
  echo "|---|---|---:|---:|"
  sj=$(median <"$work/s-java"); sf=$(median <"$work/s-jiffy"); tj=$(median <"$work/t-java"); tf=$(median <"$work/t-jiffy")
  printf '| //DEPS picocli script | java -cp classes:picocli.jar P | %s | 1.00 |\n' "$sj"
  printf '| //DEPS picocli script | bin/jiffy run P.java (cached) | %s | %.2fx |\n' "$sf" "$(echo "$sf / $sj" | bc -l)"
  printf '| tool google-java-format 1.28.0 --version | java --add-exports... -cp <its 5 jars> Main | %s | 1.00 |\n' "$tj"
  printf '| tool google-java-format 1.28.0 --version | bin/jiffy tool g:a:v (cached) | %s | %.2fx |\n' "$tf" "$(echo "$tf / $tj" | bc -l)"
done

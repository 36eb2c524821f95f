#!/usr/bin/env bash
# Measures the JVM start-up flags jiffy uses, each against plain `java` in the same rounds:
# flags for the programs it runs (Hello from the cache) and for jiffy's own JVM (a build hit).
# Rounds are interleaved (each round runs every variant once, in order), so machine noise hits
# all variants alike; medians are printed. A program flag must also not slow a long-running
# program: c-* run a compute loop of about 2 s (60 million HashMap operations) in COMPUTE_ROUNDS
# (default 5) interleaved rounds, plain and with each program flag.
# Usage: bench/flags.sh [rounds] [jdk-home...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
rounds=${1:-21}
compute_rounds=${COMPUTE_ROUNDS:-5}
shift || true
bench_jdks "$@"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for jdk in "${jdks[@]}"; do
  [ -x "$jdk/bin/java" ] || continue
  java=$jdk/bin/java
  export JIFFY_CACHE=$work/cache JAVA_HOME=$jdk
  rm -rf "$work/cache" "$work"/v-*
  mkdir -p "$work/classes"
  "$jdk/bin/javac" -d "$work/classes" "$root/examples/hello/Hello.java"
  cat >"$work/Compute.java" <<'EOF'
public class Compute {
    public static void main(String[] args) {
        java.util.HashMap<Integer, Integer> m = new java.util.HashMap<>();
        long sum = 0;
        for (int i = 0; i < 60_000_000; i++) {
            m.merge(i & 0xFFFF, i, Integer::sum);
            sum += m.get(i & 0x3FF) == null ? 0 : 1;
        }
        System.out.println(sum);
    }
}
EOF
  "$jdk/bin/javac" -d "$work/classes" "$work/Compute.java"
  "$root/bin/jiffy" build "$root/examples/hello/Hello.java" >/dev/null
  "$root/bin/jiffy" run "$root/examples/hello/Hello.java" >/dev/null   # records the program's archive
  "$root/bin/jiffy" run "$root/examples/hello/Hello.java" >/dev/null   # places it
  exe=$(ls "$work"/cache/*/*-d/Hello)
  # JDK 17-24: a dynamic class-data archive; JDK 25 and later: the AOT cache (jiffy's own too).
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release" 2>/dev/null)
  if [ "${major:-0}" -ge 25 ]; then ext=aot flag=-XX:AOTCache=; else ext=jsa flag=-XX:SharedArchiveFile=; fi
  archive=$(ls "$(dirname "$exe")"/.cds-*."$ext" 2>/dev/null || true)
  for _ in $(seq 30); do [ -n "$archive" ] && break; sleep 1; archive=$(ls "$(dirname "$exe")"/.cds-*."$ext" 2>/dev/null || true); done
  jar=$root/target/jiffy.jar
  tool_cds=$root/target/cds$jdk/jiffy.$ext
  "$root/bin/jiffy" build "$root/examples/hello/Hello.java" >/dev/null   # makes jiffy's own archive
  hit=(-cp "$jar" dev.jiffy.cli.Main build "$root/examples/hello/Hello.java")
  names=(p-plain p-c1 p-noperf p-serial p-c1-noperf p-c1-noperf-archive p-archive
         j-plain j-c1 j-c1-serial j-c1-serial-noperf j-c1-serial-noperf-archive
         c-plain c-c1 c-noperf c-serial)
  for _ in $(seq "$rounds"); do
    measure p-plain "$java" -cp "$work/classes" Hello
    measure p-c1 "$java" -XX:TieredStopAtLevel=1 -cp "$work/classes" Hello
    measure p-noperf "$java" -XX:-UsePerfData -cp "$work/classes" Hello
    measure p-serial "$java" -XX:+UseSerialGC -cp "$work/classes" Hello
    measure p-c1-noperf "$java" -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp "$exe" Hello
    measure p-c1-noperf-archive "$java" -XX:TieredStopAtLevel=1 -XX:-UsePerfData "$flag$archive" '-Xlog:cds*=off' -cp "$exe" Hello
    measure p-archive "$java" "$flag$archive" '-Xlog:cds*=off' -cp "$exe" Hello
    measure j-plain "$java" "${hit[@]}"
    measure j-c1 "$java" -XX:TieredStopAtLevel=1 "${hit[@]}"
    measure j-c1-serial "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "${hit[@]}"
    measure j-c1-serial-noperf "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData "${hit[@]}"
    measure j-c1-serial-noperf-archive "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData "$flag$tool_cds" '-Xlog:cds*=off' "${hit[@]}"
  done
  for _ in $(seq "$compute_rounds"); do
    measure c-plain "$java" -cp "$work/classes" Compute
    measure c-c1 "$java" -XX:TieredStopAtLevel=1 -cp "$work/classes" Compute
    measure c-noperf "$java" -XX:-UsePerfData -cp "$work/classes" Compute
    measure c-serial "$java" -XX:+UseSerialGC -cp "$work/classes" Compute
  done
  version=$("$java" -XX:-UsePerfData -version 2>&1 | head -1)
  echo "### $version ($rounds interleaved rounds, median ms)"
  echo
  echo "| variant | median ms | vs plain |"
  echo "|---|---|---|"
  for n in "${names[@]}"; do
    base=${n%%-*}-plain
    m=$(median <"$work/$n"); b=$(median <"$work/$base")
    printf '| %s | %s | %.2fx |\n' "$n" "$m" "$(echo "$m / $b" | bc -l)"
  done
  for n in "${names[@]}"; do rm -f "$work/$n"; done
  echo
done
echo "p-* run Hello (p-plain: java -cp classes; the others the cached executable or classes with the flags named);"
echo "j-* run jiffy's own JVM for a build hit of Hello (the JVM path of a stale run file);"
echo "c-* run the compute loop ($compute_rounds rounds), plain and with one program flag each."

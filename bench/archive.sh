#!/usr/bin/env bash
# Start-up archives (issue 16): for Hello and a //DEPS picocli script on each JDK, a cached
# `jiffy run` (with the archive its second run made) against `java -cp classes[:picocli.jar]`,
# the same command jiffy runs but without the archive, and the run that records the archive (its
# extra cost at exit; the archive is removed before each such round, and after it an untimed run
# starts the background job that places it, which is waited for). Rounds are interleaved, medians in ms. Also the
# archive bytes `cache stat` counts after Hello ran twice.
# Usage: bench/archive.sh [rounds] [jdk-home...]   (WRITE_RESULTS=0 prints only)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
rounds=${1:-15}
shift || true
bench_jdks "$@"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export JIFFY_DAEMON=0
# Waits until the archive of the executable in directory $1 is in place.
placed() {
  local _
  for _ in $(seq 480); do
    [ -z "$(find "$JIFFY_CACHE.train" -name '*.placing' 2>/dev/null | head -n 1)" ] && [ -n "$(find "$1" -name '.cds-*.[0-9]*.*' | head -n 1)" ] && return 0
    sleep 0.25
  done
  echo "no start-up archive placed in $1" >&2; exit 1
}
cat >"$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("Hello from jiffy!"); } }
JAVA
picocli_script "$work/P.java"
touch -d '1 minute ago' "$work/Hello.java" "$work/P.java"
out=$work/out.md
{
  echo "\`bench/archive.sh $rounds\`: $rounds interleaved rounds, $(date -u '+%Y-%m-%d %H:%M UTC'), nproc $(nproc), load $(cut -d' ' -f1-3 /proc/loadavg) at the start."
  echo
  echo "| JDK | program | command | median ms | ratio |"
  echo "|---|---|---|---:|---:|"
} >"$out"
for jdk in "${jdks[@]}"; do
  [ -x "$jdk/bin/java" ] || continue
  export JAVA_HOME=$jdk JIFFY_CACHE=$work/cache-${jdk##*/}
  java=$jdk/bin/java
  label=$("$java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')
  for prog in Hello P; do
    "$root/bin/jiffy" run "$work/$prog.java" >/dev/null
    sleep 3 # the racy rule: run files are written once inputs are 2 s old
    "$root/bin/jiffy" run "$work/$prog.java" >/dev/null # the second run records the archive
    "$root/bin/jiffy" run "$work/$prog.java" >/dev/null # the third places it
    exe=$(find "$JIFFY_CACHE" -path "*-d/$prog" -type f | head -n 1)
    placed "$(dirname "$exe")"
    if [ "$prog" = Hello ]; then
      hello_archive=$("$root/bin/jiffy" cache stat | sed -n 's/^archives: *//p')
      hello_files=$(find "$(dirname "$exe")" -name '.cds-*' -printf '%s bytes %f ' )
    fi
    cp=$work/classes-$prog
    mkdir -p "$cp"
    if [ "$prog" = P ]; then
      picocli=$(grep -rh --include='*-d' '^info.picocli:picocli:4.7.7' "$JIFFY_CACHE" | head -1 | cut -f3)
      "$jdk/bin/javac" -cp "$picocli" -d "$cp" "$work/P.java"
      cp=$cp:$picocli
    else
      "$jdk/bin/javac" -d "$cp" "$work/Hello.java"
    fi
    rm -f "$work"/m-*
    for _ in $(seq "$rounds"); do
      measure m-java "$java" -cp "$cp" "$prog"
      measure m-plain "$java" -XX:-UsePerfData -cp "$exe" "$prog"
      measure m-cached "$root/bin/jiffy" run "$work/$prog.java"
      find "$(dirname "$exe")" -name '.cds-*' -delete
      measure m-train "$root/bin/jiffy" run "$work/$prog.java"
      "$root/bin/jiffy" run "$work/$prog.java" >/dev/null
      placed "$(dirname "$exe")"
    done
    j=$(median <"$work/m-java")
    name=$([ "$prog" = P ] && echo "//DEPS picocli" || echo Hello)
    row() { printf '| %s | %s | %s | %s | %.2fx |\n' "$label" "$name" "$1" "$2" "$(echo "$2 / $j" | bc -l)"; }
    {
      row "java -cp classes${picocli:+:picocli.jar} $prog" "$j"
      row "java -XX:-UsePerfData -cp <executable> $prog (jiffy's command, no archive)" "$(median <"$work/m-plain")"
      row "bin/jiffy run $prog.java (cached, with its archive)" "$(median <"$work/m-cached")"
      row "bin/jiffy run $prog.java (the run that records the archive)" "$(median <"$work/m-train")"
    } >>"$out"
    picocli=
  done
  echo "| $label | Hello | archive bytes after two runs (cache stat) | $hello_archive | $hello_files |" >>"$out"
done
cat "$out"
if [ "${WRITE_RESULTS:-1}" = 1 ]; then
  { echo; echo "## Start-up archives (bench/archive.sh)"; echo; cat "$out"; } >>"$root/bench/RESULTS.md"
fi

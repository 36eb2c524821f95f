#!/usr/bin/env bash
# Same-run A/B of two jiffy revisions on the paths a change can slow down:
#   cached   bin/jiffy run Hello.java      (the run file: no jiffy JVM)
#   JVM hit  bin/jiffy run -x Hello.java   (a flag skips the run file: jiffy's JVM finds the hit)
#   miss     bin/jiffy run -a Hello.java   (jiffy's JVM rebuilds: javac and link)
#
#   bench/ab.sh OLD_REV [NEW_REV]      NEW_REV defaults to the working tree's HEAD
#
# Each revision is cloned into a scratch directory and built there (target/jiffy.jar), with a
# cache of its own. Each round is one hyperfine call with all six commands (--runs 1, order
# reversed every other round), so both revisions see the same machine; medians over RUNS
# rounds (default 21). Prints a Markdown table; writes nothing into the tree.
set -euo pipefail

here=$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd -P "$here/.." && pwd -P)
RUNS=${RUNS:-21}
WARMUP=${WARMUP:-3}
old=${1:?usage: bench/ab.sh OLD_REV [NEW_REV]}
new=${2:-HEAD}
command -v hyperfine >/dev/null || { echo "ab.sh: hyperfine is not installed" >&2; exit 1; }
command -v jq >/dev/null || { echo "ab.sh: jq is not installed" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for side in old new; do
  rev=${!side}
  git -C "$root" worktree add -q --detach "$scratch/$side" "$rev" 2>/dev/null ||
    { git clone -q "$root" "$scratch/$side" && git -C "$scratch/$side" checkout -q "$rev"; }
  (cd "$scratch/$side" && mvn -q -B -o -Dmaven.test.skip=true package >/dev/null 2>&1) ||
    { echo "ab.sh: building $rev failed" >&2; exit 1; }
  mkdir -p "$scratch/$side-cache"
done
trap 'git -C "$root" worktree remove --force "$scratch/old" 2>/dev/null; git -C "$root" worktree remove --force "$scratch/new" 2>/dev/null; rm -rf "$scratch"' EXIT
cp "$root/examples/hello/Hello.java" "$scratch/Hello.java"
touch -d '1 minute ago' "$scratch/Hello.java"
cd "$scratch"

cmd() { # side, flags...
  local side=$1; shift
  echo "env JIFFY_CACHE=$scratch/$side-cache $scratch/$side/bin/jiffy run $* Hello.java"
}
names=("cached" "JVM hit" "miss")
flags=("" "-x" "-a")
cmds=()
for i in 0 1 2; do
  for side in old new; do cmds+=("$(cmd "$side" ${flags[$i]})"); done
done
# First runs build jiffy's archive and the program; the run files need inputs 2 s old.
for c in "${cmds[@]}"; do $c >/dev/null 2>&1; done
sleep 3
for c in "${cmds[@]}"; do $c >/dev/null 2>&1; done
hyperfine -N --style none --warmup "$WARMUP" --runs 1 "${cmds[@]}" >/dev/null 2>&1

declare -A times
for ((r = 0; r < RUNS; r++)); do
  ordered=("${cmds[@]}")
  if ((r % 2)); then
    ordered=(); for ((k = ${#cmds[@]} - 1; k >= 0; k--)); do ordered+=("${cmds[$k]}"); done
  fi
  hyperfine -N --style none --runs 1 --export-json r.json "${ordered[@]}" >/dev/null 2>&1
  while IFS=$'\t' read -r c t; do times[$c]+="$t "; done < <(jq -r '.results[] | [.command, .mean] | @tsv' r.json)
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m * 1000}'; }

echo "A/B of jiffy $(git -C "$root" rev-parse --short "$old") (old) and $(git -C "$root" rev-parse --short "$new") (new): median ms of $RUNS interleaved rounds; $(java -version 2>&1 | head -1); load at start $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| case | old ms | new ms | new / old |"
echo "|---|---:|---:|---:|"
for i in 0 1 2; do
  o=$(echo "${times[$(cmd old ${flags[$i]})]}" | median)
  n=$(echo "${times[$(cmd new ${flags[$i]})]}" | median)
  echo "| ${names[$i]} | $o | $n | $(awk -v o="$o" -v n="$n" 'BEGIN {printf "%.2fx", n / o}') |"
done

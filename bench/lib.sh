# shellcheck shell=bash disable=SC2034,SC2153,SC2154
# Shared by bench/projects.sh and bench/test.sh, which source it once they have die, note and
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

# Waits until no class-data archive dump that jiffy started in the background is running.
wait_dumps() {
  local i
  for ((i = 0; i < 240; i++)); do
    [ -z "$(find "$JIFFY_CACHE" -name '*.dumping' 2>/dev/null | head -n 1)" ] && return 0
    sleep 0.5
  done
  warn "a class-data archive dump in the scratch cache did not finish in 2 minutes"
}

# Reads times in seconds, one a line; prints "count median min max", the last three in ms.
stats() {
  sort -g | awk 'NF {a[++n] = $1}
    END {if (!n) exit 1; m = n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
         printf "%d %.1f %.1f %.1f\n", n, m * 1000, a[1] * 1000, a[n] * 1000}'
}

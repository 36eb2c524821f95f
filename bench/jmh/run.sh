#!/bin/sh
# Builds the cache benchmarks and runs them. With the caches on tmpfs
# (./run.sh -jvmArgsAppend -Djava.io.tmpdir=/dev/shm) the run takes 2.5-4 minutes on 2 cores;
# on a disk it takes as long as writing and deleting 200,000 small files five times does.
# Iteration counts are set on each benchmark class; arguments are passed on to JMH
# (a benchmark name pattern, say, or -wi/-i to override them).
# Results: target/results.txt (what JMH printed) and target/results.json.
# The JDK is the one on PATH, or $JAVA_HOME's when it is set.
set -eu
cd "$(dirname "$0")"
java=java
if [ -n "${JAVA_HOME:-}" ]; then
  java="$JAVA_HOME/bin/java"
fi
mvn -q -B package
"$java" -version 2>&1 | head -1
"$java" -jar target/benchmarks.jar -rf json -rff target/results.json "$@" 2>&1 | tee target/results.txt

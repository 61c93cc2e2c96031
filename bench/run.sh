#!/usr/bin/env bash
# Benchmark suite (docs/benchmarks.md): peer engines first, each in its own JVM and database, then
# the application itself, which merges all results into target/bench/benchmarks.md.
# Sizes and windows: BENCH_WARMUP_S, BENCH_MESS_S, BENCH_BESTAND (e.g. 0,10000,100000,1000000),
# BENCH_W3, BENCH_W4, BENCH_W2_MESS_S, BENCH_W4_MESS_S; W5 (Gatling, bench/gatling): BENCH_W5, BENCH_W5_BESTAND,
# BENCH_W5_STUFEN, BENCH_W5_S; alone: BENCH_NUR=w5. Needs pgbench (Debian: postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pgbench >/dev/null || { echo "pgbench fehlt (Debian: apt-get install postgresql-client)" >&2; exit 1; }
if [ "${BENCH_OHNE_PEERS:-}" != "1" ]; then
  bash bench/peers/run.sh
fi
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xms1g -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" de.hsk.ki.bench.Bench

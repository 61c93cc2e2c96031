#!/usr/bin/env bash
# W1 task cycle on camunda-basis, operaton and flowable: one JVM and one embedded PostgreSQL each,
# one after the other. BENCH_WARMUP_S / BENCH_MESS_S set warm-up and measurement seconds;
# BENCH_IDS=db keeps the engines' default DbIdGenerator (deadlocks on the pool at 4 threads).
set -euo pipefail

HIER="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODELL="$(cd "$HIER/../modelle" && pwd)/aufgabenzyklus.bpmn"
WARMUP_S="${BENCH_WARMUP_S:-10}"
MESS_S="${BENCH_MESS_S:-30}"
IDS="${BENCH_IDS:-uuid}"
ERGEBNISSE="$HIER/target/ergebnisse"

mkdir -p "$ERGEBNISSE"
# keep the summary next to the JSON files
exec > >(tee "$ERGEBNISSE/lauf.log") 2>&1

mvn -B -q -Dstyle.color=never -f "$HIER/pom.xml" package -DskipTests

declare -A HAUPTKLASSE=(
  [camunda-basis]=de.hsk.ki.bench.peers.camunda.CamundaBasis
  [operaton]=de.hsk.ki.bench.peers.operaton.Operaton
  [flowable]=de.hsk.ki.bench.peers.flowable.Flowable
)

# BENCH_PEERS: which engines (default all three)
for engine in ${BENCH_PEERS:-camunda-basis operaton flowable}; do
  rm -f "$ERGEBNISSE/$engine.json"
  # same JVM flags for every engine; never two engines at once (2 cores)
  java -Xms1g -Xmx1g \
    -Dbench.warmupS="$WARMUP_S" -Dbench.messS="$MESS_S" -Dbench.ids="$IDS" \
    -Dbench.modell="$MODELL" -Dbench.ausgabe="$ERGEBNISSE" -Dbench.arbeit="$HIER/target/pg/$engine" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$HIER/$engine/target/$engine.jar:$HIER/$engine/target/lib/*" \
    "${HAUPTKLASSE[$engine]}"
done

echo "== results in $ERGEBNISSE"
cat "$ERGEBNISSE"/*.json

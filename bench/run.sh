#!/bin/sh
# Runs the benchmarks: bench/run.sh [cold-start|handler|round-trips|all]
# Figures and how to read them: bench/README.md.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/find-jdk.sh"
"$root/mvnw" -q -f "$root/pom.xml" -DskipTests package
java="$JAVA_HOME/bin/java"
cp="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"

cold_start() {
  echo "== Cold start: IncrementInteractionFunction, JVM launch to first response (${RUNS:-10} runs each)"
  "$java" -Dcsat.log.target=SYSTEM_ERR -cp "$cp" dev.csat.bench.ColdStart \
    "$root/functions/target/functions.jar" "$root/bench/target/classes" "$root/local/target/classes" \
    "${RUNS:-10}" 2>/dev/null
}
handler() {
  echo "== Warm handler time per request, database excluded (JMH)"
  "$java" -cp "$cp" org.openjdk.jmh.Main 'dev.csat.interactions.HandlerBenchmark' -foe true
}
round_trips() {
  echo "== Data API calls and latency per operation through the local stack"
  "$java" -Dcsat.log.target=SYSTEM_ERR -cp "$cp" dev.csat.bench.RoundTrips "$root/events" 2>/dev/null
}

case "${1:-all}" in
  cold-start) cold_start ;;
  handler) handler ;;
  round-trips) round_trips ;;
  all) cold_start; round_trips; handler ;;
  *) echo "usage: bench/run.sh [cold-start|handler|round-trips|all]" >&2; exit 2 ;;
esac

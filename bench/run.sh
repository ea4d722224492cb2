#!/bin/sh
# Runs the benchmarks: bench/run.sh [cold-start|handler|round-trips|all|inbox-data|inbox|analytics]
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
inbox_data() {
  rows=${ROWS:-1000000}
  echo "== Feedback inbox data: $rows feedbacks for acme, $((rows / 100)) for globex, in .csat/bench-$rows"
  POWERTOOLS_LOG_LEVEL=WARN "$java" -Dcsat.log.target=SYSTEM_ERR -cp "$cp" dev.csat.bench.FeedbackData "$rows" "$root/.csat/bench-$rows"
}
inbox() {
  rows=${ROWS:-1000000}
  echo "== Feedback inbox at $rows rows: database time and Data API calls per request (data: inbox-data)"
  POWERTOOLS_LOG_LEVEL=WARN "$java" -Dcsat.log.target=SYSTEM_ERR -cp "$cp" dev.csat.feedback.InboxBenchmark \
    "$rows" ${PLANS:+plans} ${NO_FULL_EXPORT:+no-full-export}
}
analytics() {
  rows=${ROWS:-1000000}
  echo "== Analytics at $rows rows: rollup time, database time and Data API calls per request (data: inbox-data)"
  POWERTOOLS_LOG_LEVEL=WARN "$java" -Dcsat.log.target=SYSTEM_ERR -cp "$cp" dev.csat.analytics.AnalyticsBenchmark \
    "$rows" ${PLANS:+plans}
}

case "${1:-all}" in
  cold-start) cold_start ;;
  handler) handler ;;
  round-trips) round_trips ;;
  inbox-data) inbox_data ;;
  inbox) inbox ;;
  analytics) analytics ;;
  all) cold_start; round_trips; handler ;;
  *) echo "usage: bench/run.sh [cold-start|handler|round-trips|all|inbox-data|inbox|analytics] (inbox-data, inbox: ROWS=1000000; inbox: PLANS=1 prints query plans, NO_FULL_EXPORT=1 skips exporting every row; analytics: ONLY=regex measures only the requests whose names match; both: STATEMENTS=dir writes each request's statement there, parameters as literals)" >&2; exit 2 ;;
esac

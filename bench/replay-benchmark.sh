#!/usr/bin/env bash
# Replay benchmark: the audit replay to JSON Lines and 'state --at' over 1,000,000 events, next to
# Kafka's ProducerPerformance and ConsumerPerformance in the same run, on one embedded broker: the
# harness's producing, consuming and audit scenarios (bench/benchmark.sh --list).
#   bench/replay-benchmark.sh                  # 1,000,000 events
#   bench/replay-benchmark.sh 200000           # fewer (same as --events 200000)
#   bench/replay-benchmark.sh --out replay.md  # any harness option
#   bench/replay-benchmark.sh --survey         # bytes per event type from real collector output instead
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--survey" ]]; then
  shift
  # EventSizeSurvey lives in the audit tests; -am builds the modules it needs, no install into ~/.m2.
  classpath_file="$PWD/audit/target/bench.classpath"
  ./mvnw -q -B -ntp -pl audit -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
  exec java -Xmx2g -Dlogback.configurationFile=audit/src/test/resources/logback-test.xml \
    -cp "audit/target/test-classes:audit/target/classes:$(cat "$classpath_file")" \
    org.sitewatch.audit.bench.EventSizeSurvey "$@"
fi
if [[ "${1:-}" =~ ^[0-9_,]+$ ]]; then
  count="${1//[_,]/}"
  shift
  set -- --events "$count" "$@"
fi
exec bench/benchmark.sh --scenarios kafka-producer,sitewatch-produce,kafka-consumer,replay-export,state-at "$@"

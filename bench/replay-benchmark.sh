#!/usr/bin/env bash
# Replay benchmark: 1,000,000 events replayed to JSON Lines, next to Kafka's ConsumerPerformance
# reading the same topics in the same run (see audit/src/test/java/org/sitewatch/audit/bench/).
#   bench/replay-benchmark.sh            # 1,000,000 events
#   bench/replay-benchmark.sh 200000     # fewer
#   bench/replay-benchmark.sh --survey   # bytes per event type from real collector output instead
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file="$PWD/audit/target/bench.classpath"
./mvnw -q -pl audit test-compile dependency:build-classpath \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
cp="audit/target/test-classes:audit/target/classes:$(cat "$classpath_file")"
main=org.sitewatch.audit.bench.ReplayBenchmark
if [[ "${1:-}" == "--survey" ]]; then
  main=org.sitewatch.audit.bench.EventSizeSurvey
  shift
fi
exec java -Xmx2g -Dlogback.configurationFile=audit/src/test/resources/logback-test.xml -cp "$cp" "$main" "$@"

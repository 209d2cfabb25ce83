#!/usr/bin/env bash
# The benchmark harness: Sitewatch's scenarios against Kafka's own performance tools on one
# embedded broker, one table at the end (see org.sitewatch.bench.harness.Harness).
#   bench/benchmark.sh                       # every scenario, 1,000,000 events
#   bench/benchmark.sh --smoke               # seconds-long variant, same code paths
#   bench/benchmark.sh --scenarios kafka-consumer,replay-export --events 200000 --out results.md
#   bench/benchmark.sh --list                # the scenarios
set -euo pipefail
cd "$(dirname "$0")/.."
# The app jar is built too: the streams scenarios start the real app.
./mvnw -q -B -ntp -pl app,benchmarks -am package -DskipTests
exec java -Xmx1g -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.sitewatch.bench.harness.Harness "$@"

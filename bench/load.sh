#!/usr/bin/env bash
# Sends a synthetic estate's Sitewatch events to Kafka with the collectors' producer settings.
#   bench/load.sh --bootstrap-servers localhost:9092 --inventory-only
#   bench/load.sh --bootstrap-servers localhost:9092 --sites 100 --vms-per-site 500 --rate 2000 --duration 10m
#   bench/load.sh --bootstrap-servers localhost:9092 --events 1000000          # as fast as possible
#   bench/load.sh --help
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -pl benchmarks -am package -DskipTests
exec java -Xmx1g -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.sitewatch.bench.load.LoadMain "$@"

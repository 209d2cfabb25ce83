#!/usr/bin/env bash
# Issue 4 closing note: delay from a simulated vendor change (a Proxmox replication job fails) to the
# ReplicationFailed alert in a real Alertmanager, p50/p99/max over N runs.
# Needs prometheus-alertmanager on the PATH (Debian: apt-get install prometheus-alertmanager) and the
# modules installed in the local Maven repository (./mvnw -q -pl streams,alerting,... install -DskipTests).
# Usage: bench/alert-latency.sh [runs=20] [collector poll interval ms=1000] [max seconds=240]
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -pl app test-compile
./mvnw -q -pl app dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
exec java -cp "app/target/test-classes:app/target/classes:$(cat "$cp_file")" \
    org.sitewatch.app.bench.AlertLatencyBenchmark "${1:-20}" "${2:-1000}" "${3:-240}"

#!/usr/bin/env bash
# JMH benchmarks of Sitewatch's hot paths (benchmarks module, package org.sitewatch.bench.jmh):
# CloudEvent serde per type, the streams app's store serdes, the fold (entity, site aggregate, health)
# and the Proxmox mapping of a 10,000-VM poll. Builds from a fresh clone (no install into ~/.m2), then
# runs JMH from benchmarks/target/classes + target/lib, so its forks get the same classpath.
# Usage: bench/jmh.sh [JMH arguments]      e.g. bench/jmh.sh Fold -f 1 -wi 1 -i 3
#        bench/jmh.sh -l                   lists the benchmarks; bench/jmh.sh -h for JMH's options
# Defaults (in the classes): 3 x 1 s warm-up, 5 x 1 s measurement, 1 fork: about 6 minutes for all.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
    ./mvnw -q -B -ntp -pl benchmarks -am package -DskipTests
fi
exec java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openjdk.jmh.Main "$@"

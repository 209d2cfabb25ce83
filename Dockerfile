# syntax=docker/dockerfile:1
# One image for every Sitewatch part; the subcommand chooses which part runs (docker-compose.yml runs
# "collectors", "streams" and "simulator" from it; "run" is the all-in-one embedded default).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The Maven cache survives between builds (BuildKit); the tests run in CI, not here.
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q -DskipTests package -pl app -am

FROM eclipse-temurin:17-jre
# The streams state directory and the simulator's certificate directory exist in the image, so named
# volumes mounted there are writable by the unprivileged user.
RUN useradd --system --home /var/lib/sitewatch sitewatch \
    && mkdir -p /var/lib/sitewatch/streams /var/lib/sitewatch/simulator-tls \
    && chown -R sitewatch /var/lib/sitewatch
USER sitewatch
WORKDIR /var/lib/sitewatch
COPY --from=build /src/app/target/sitewatch.jar /opt/sitewatch/sitewatch.jar
# streams app and status page, collectors app, simulator
EXPOSE 8080 8081 8006
# The heap takes 60% of the container's memory, leaving the rest for the streams app's RocksDB stores
# (sitewatch.streams.rocksdb-memory, 256MB by default) and the JVM's own memory (metaspace, code, GC,
# threads): the sizing rule is in docs/sizing.md. JAVA_OPTS comes last, so it can change any of it,
# e.g. JAVA_OPTS=-XX:MaxRAMPercentage=70 or -Xmx2g.
ENV JAVA_OPTS=""
ENTRYPOINT ["sh", "-c", "exec java -XX:MaxRAMPercentage=60 $JAVA_OPTS -jar /opt/sitewatch/sitewatch.jar \"$@\"", "sitewatch"]
CMD ["--help"]

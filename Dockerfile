# One image for every Sitewatch part; the subcommand chooses which part runs.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q -DskipTests package -pl app -am

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/sitewatch sitewatch && mkdir -p /var/lib/sitewatch && chown sitewatch /var/lib/sitewatch
USER sitewatch
WORKDIR /var/lib/sitewatch
COPY --from=build /src/app/target/sitewatch.jar /opt/sitewatch/sitewatch.jar
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/sitewatch/sitewatch.jar"]
CMD ["--help"]

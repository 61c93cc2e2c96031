# Build and run the KI process application. No secrets here: they come from the environment
# (see docker-compose.yml and .env.example).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 ki
WORKDIR /app
COPY --from=build /src/target/ki-prozesse-*.jar /app/ki-prozesse.jar
USER ki
EXPOSE 8080
# timers with a time of day (the daily overview at 7:00) and dates follow the county's clock
ENV TZ=Europe/Berlin
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Duser.timezone=Europe/Berlin"
ENTRYPOINT ["java", "-jar", "/app/ki-prozesse.jar"]

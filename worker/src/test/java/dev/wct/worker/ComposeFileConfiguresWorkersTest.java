package dev.wct.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wct.engine.server.SearchAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

/**
 * No Docker engine runs here, so docker-compose.yml is checked by reading: the services it must
 * have, their health checks and start order, pinned images, search attributes as wct registers
 * them, and workers configured through variables the worker actually reads, pointing at services
 * the file defines.
 */
class ComposeFileConfiguresWorkersTest {
  private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
  private static final Path APPLICATION = Path.of("src", "main", "resources", "application.yaml");

  @Test
  void workerEnvironmentUsesOnlyVariablesTheWorkerReads() throws IOException {
    JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
    JsonNode environment = compose.path("services").path("worker").path("environment");
    List<String> read = variablesReadBy(Files.readString(APPLICATION));

    List<String> given = new ArrayList<>();
    environment.fieldNames().forEachRemaining(given::add);

    assertThat(given).isNotEmpty();
    for (String name : given) {
      if (!name.startsWith("AWS_")) {
        assertThat(read).as("variables application.yaml reads").contains(name);
      }
    }
    assertThat(given).contains("WCT_TEMPORAL_TARGET", "WCT_STORE_S3_BUCKET");
  }

  @Test
  void workersPointAtTheTemporalAndMinioServicesOfTheFile() throws IOException {
    JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
    JsonNode services = compose.path("services");
    JsonNode environment = services.path("worker").path("environment");

    String temporalHost = environment.path("WCT_TEMPORAL_TARGET").asText().split(":")[0];
    String s3Host = environment.path("WCT_STORE_S3_ENDPOINT").asText().split("//")[1].split(":")[0];

    assertThat(services.has(temporalHost)).as("service " + temporalHost).isTrue();
    assertThat(services.has(s3Host)).as("service " + s3Host).isTrue();
    assertThat(services.path("minio-bucket").path("entrypoint").asText())
        .contains(environment.path("WCT_STORE_S3_BUCKET").asText());
  }

  @Test
  void temporalOnPostgresqlWithItsUiMinioAndWorkersThatWaitForThemAndRestart() throws IOException {
    JsonNode services = compose().path("services");
    List<String> names = new ArrayList<>();
    services.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .contains(
            "postgresql",
            "temporal",
            "temporal-ui",
            "temporal-admin",
            "minio",
            "minio-bucket",
            "worker");
    for (String checked : List.of("postgresql", "temporal", "minio")) {
      assertThat(services.path(checked).path("healthcheck").path("test").isMissingNode())
          .as(checked + " has a health check")
          .isFalse();
    }
    assertThat(services.path("temporal").path("environment").path("DB").asText())
        .startsWith("postgres");
    assertThat(condition(services, "temporal", "postgresql")).isEqualTo("service_healthy");
    assertThat(condition(services, "temporal-ui", "temporal")).isEqualTo("service_healthy");
    assertThat(condition(services, "temporal-admin", "temporal")).isEqualTo("service_healthy");
    assertThat(condition(services, "minio-bucket", "minio")).isEqualTo("service_healthy");

    JsonNode worker = services.path("worker");
    assertThat(condition(services, "worker", "temporal")).isEqualTo("service_healthy");
    assertThat(condition(services, "worker", "temporal-admin"))
        .isEqualTo("service_completed_successfully");
    assertThat(condition(services, "worker", "minio-bucket"))
        .isEqualTo("service_completed_successfully");
    assertThat(worker.path("restart").asText()).isEqualTo("on-failure");
    assertThat(worker.path("deploy").path("replicas").asInt()).isEqualTo(2);
    assertThat(worker.path("volumes").get(0).asText()).endsWith(":/data:ro");
  }

  @Test
  void workersGetLongerToStopThanTheirGracePeriod() throws IOException {
    JsonNode worker = compose().path("services").path("worker");
    Duration grace =
        DurationStyle.detectAndParse(
            worker.path("environment").path("WCT_SHUTDOWN_GRACE").asText());
    Duration stop = DurationStyle.detectAndParse(worker.path("stop_grace_period").asText());
    assertThat(stop).isGreaterThan(grace);
  }

  @Test
  void everyImageIsPinnedToAVersion() throws IOException {
    JsonNode services = compose().path("services");
    services
        .fields()
        .forEachRemaining(
            service -> {
              String image = service.getValue().path("image").asText();
              String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
              assertThat(tag)
                  .as(service.getKey() + " image " + image)
                  .matches("\\d+\\.\\d+.*|RELEASE\\.\\d{4}-\\d{2}-\\d{2}T.*");
            });
  }

  @Test
  void theAdminJobRegistersTheSearchAttributesWctSets() throws IOException {
    List<String> entrypoint = new ArrayList<>();
    compose()
        .path("services")
        .path("temporal-admin")
        .path("entrypoint")
        .forEach(part -> entrypoint.add(part.asText()));
    String job = String.join(" ", entrypoint);
    // One shell command: a line break would split it.
    assertThat(job).doesNotContain("\n");
    SearchAttributes.WCT.forEach(
        (name, type) -> assertThat(job).contains("--name " + name + " --type " + type));
  }

  private static JsonNode compose() throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
  }

  private static String condition(JsonNode services, String service, String dependency) {
    return services
        .path(service)
        .path("depends_on")
        .path(dependency)
        .path("condition")
        .asText("(no condition on " + dependency + ")");
  }

  private static List<String> variablesReadBy(String yaml) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[^}]*)?}").matcher(yaml);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}

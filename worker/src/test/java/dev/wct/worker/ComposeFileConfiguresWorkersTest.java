package dev.wct.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so docker-compose.yml is checked by reading: the workers it starts
 * must be configured through variables the worker actually reads, and point at services the file
 * defines.
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

  private static List<String> variablesReadBy(String yaml) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[^}]*)?}").matcher(yaml);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}

package dev.wct.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.m3.tally.Scope;
import dev.wct.core.message.MessageReader;
import dev.wct.core.planner.Planner;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.RunStatus;
import dev.wct.engine.RunHandle;
import dev.wct.engine.RunLauncher;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.json.Json;
import dev.wct.store.ArtifactStore;
import dev.wct.workflows.run.RunOptions;
import dev.wct.workflows.run.RunResult;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker as operators see it: readiness probes that follow Temporal and the store, Prometheus
 * metrics of the SDK and of wct's producers, and JSON log lines that name the run but never a
 * secret or artifact content.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.main.allow-bean-definition-overriding=true")
@ExtendWith(OutputCaptureExtension.class)
// Tests leave metrics export off unless asked: this one scrapes Prometheus as production does.
@AutoConfigureObservability(tracing = false)
class WorkerOperationsTest {
  /** The value of {@code WCT_TEST_SECRET}, which the worker pom gives the test JVM. */
  private static final String SECRET = "918273645";

  private static final TestWorkflowEnvironment TEMPORAL =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());

  @TempDir static Path storeDir;
  @TempDir Path scanned;

  @DynamicPropertySource
  static void storeDirectory(DynamicPropertyRegistry registry) {
    registry.add("wct.store.dir", () -> storeDir.toString());
  }

  @TestConfiguration
  static class InProcessTemporal {
    /** The in-process service, reporting the SDK's metrics as the production stubs do. */
    @Bean
    WorkflowServiceStubs workflowServiceStubs(Scope temporalMetricsScope) {
      return WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder(TEMPORAL.getWorkflowServiceStubs().getOptions())
              .setMetricsScope(temporalMetricsScope)
              .build());
    }
  }

  @AfterAll
  static void stopTemporal() {
    TEMPORAL.close();
  }

  @LocalServerPort int port;
  @Autowired WorkflowClient client;
  @Autowired ArtifactStore store;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void readyWhenTemporalAndTheStoreAnswerAndLiveAnyway() throws Exception {
    // The worker starts polling in the background once both answer: ready from then on.
    HttpResponse<String> readiness = awaitReadiness();
    HttpResponse<String> liveness = get("/actuator/health/liveness");

    assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
    assertThat(readiness.body())
        .contains("\"status\":\"UP\"", "\"temporal\"", "\"store\"", "\"worker\"");
    assertThat(liveness.statusCode()).isEqualTo(200);
    // The probe lives in the reserved area, not under a run that `wct runs` would list.
    assertThat(store.readRecord(StoreHealthIndicator.AREA, StoreHealthIndicator.PROBE)).isPresent();
  }

  @Test
  void notReadyWhileTheStoreCannotBeWrittenButStillLive() throws Exception {
    assertThat(awaitReadiness().statusCode()).isEqualTo(200);
    // Root ignores permissions, so the store folder becomes a plain file: nothing can be written.
    Path moved = Files.move(storeDir, storeDir.resolveSibling(storeDir.getFileName() + ".away"));
    Files.writeString(storeDir, "not a folder");
    try {
      HttpResponse<String> readiness = get("/actuator/health/readiness");

      assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
      assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
      assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    } finally {
      Files.delete(storeDir);
      Files.move(moved, storeDir);
    }
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
  }

  @Test
  void aDeadTemporalFrontendOrAnUnknownNamespaceIsDown() throws IOException {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    WorkflowServiceStubs dead =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + deadPort)
                .setRpcTimeout(Duration.ofSeconds(1))
                .build());
    try {
      assertThat(
              new TemporalHealthIndicator(dead, "default", Duration.ofMillis(500))
                  .health()
                  .getStatus())
          .isEqualTo(Status.DOWN);
    } finally {
      dead.shutdownNow();
    }
    assertThat(
            new TemporalHealthIndicator(
                    TEMPORAL.getWorkflowServiceStubs(), "default", Duration.ofSeconds(2))
                .health()
                .getStatus())
        .isEqualTo(Status.UP);
  }

  @Test
  void aRunShowsInPrometheusAndInJsonLogsWithoutItsSecretOrContent(CapturedOutput output)
      throws Exception {
    Files.writeString(scanned.resolve("contacts.txt"), "Write to jane.doe@example.com today.\n");
    Path runbook = scanned.resolve("scan.yaml");
    Files.writeString(
        runbook,
        """
        name: Observed scan
        description: Files through the worker, with a limit kept in the worker's environment
        artifacts:
          files:
            source:
              type: filesystem
              properties:
                path: %s
                max_file_size: ${WCT_TEST_SECRET}
          findings:
            inputs: files
            process:
              type: personal_data
            output: true
        """
            .formatted(scanned.toAbsolutePath()));
    assertThat(System.getenv("WCT_TEST_SECRET")).isEqualTo(SECRET);

    RunHandle run =
        new RunLauncher(client, store)
            .start(
                new Planner(ComponentCatalog.discover()).plan(runbook),
                "scan.yaml",
                RunOptions.DEFAULT);
    assertThat(run.awaitResult().status()).isEqualTo(RunStatus.COMPLETED);

    String metrics = scrapeUntil("temporal_activity_execution_latency");
    assertThat(metrics.lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("temporal_activity_execution_latency_seconds_count{")
                    .contains("activity_type=\"Connect\""));
    assertThat(metrics.lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("wct_producer_succeeded_total{")
                    .contains("component=\"filesystem\"", "activity=\"Connect\""));
    assertThat(metrics.lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("wct_producer_started_total{")
                    .contains("component=\"personal_data\""));

    String logged = output.getAll();
    assertThat(logged).doesNotContain(SECRET).doesNotContain("jane.doe@example.com");
    assertThat(logged.lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("{")
                    .contains(
                        "\"runId\":\"" + run.runId() + "\"",
                        "\"artifact\":\"files\"",
                        "\"component\":\"filesystem\"",
                        "\"attempt\":\"1\"",
                        "\"workflowId\":\""));
  }

  @Test
  void aRunCountsBytesItemsAndFindingsPerCategoryInPrometheus() throws Exception {
    assertThat(awaitReadiness().statusCode()).isEqualTo(200);
    Path data = Files.createDirectory(scanned.resolve("data"));
    Files.writeString(data.resolve("a.txt"), "Mail jane.doe@example.com or ann@example.org.\n");
    Files.writeString(data.resolve("b.txt"), "Call +44 20 7946 0958 or mail bob@example.net.\n");
    Files.writeString(data.resolve("c.txt"), "Nothing personal here.\n");
    Path runbook = scanned.resolve("metrics.yaml");
    Files.writeString(
        runbook,
        """
        name: Counted scan
        description: Three files through the worker
        artifacts:
          files:
            source:
              type: filesystem
              properties:
                path: %s
          findings:
            inputs: files
            process:
              type: personal_data
            output: true
        """
            .formatted(data.toAbsolutePath()));
    // Other tests share this worker's registry: compare with the counts before this run.
    Scrape before = new Scrape(get("/actuator/prometheus").body());

    RunHandle run =
        new RunLauncher(client, store)
            .start(
                new Planner(ComponentCatalog.discover()).plan(runbook),
                "metrics.yaml",
                RunOptions.DEFAULT);
    RunResult result = run.awaitResult();
    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    Scrape after = new Scrape(get("/actuator/prometheus").body());

    ArtifactRef files = result.artifact("files").orElseThrow().output();
    ArtifactRef findings = result.artifact("findings").orElseThrow().output();
    Map<String, Long> categories = categoriesOf(run.runId(), "findings");
    assertThat(categories).containsKey("email");

    assertThat(after.delta(before, "wct_producer_items_total", "filesystem")).isEqualTo(3);
    assertThat(after.delta(before, "wct_producer_bytes_written_total", "filesystem"))
        .isEqualTo(files.sizeBytes())
        .isPositive();
    assertThat(after.delta(before, "wct_producer_bytes_read_total", "filesystem")).isZero();
    // The analyser read what the connector stored, and wrote one item per finding.
    assertThat(after.delta(before, "wct_producer_bytes_read_total", "personal_data"))
        .isEqualTo(files.sizeBytes());
    assertThat(after.delta(before, "wct_producer_bytes_written_total", "personal_data"))
        .isEqualTo(findings.sizeBytes());
    assertThat(after.delta(before, "wct_producer_items_total", "personal_data"))
        .isEqualTo(findings.itemCount())
        .isEqualTo(categories.values().stream().mapToLong(Long::longValue).sum());
    categories.forEach(
        (category, count) ->
            assertThat(
                    after.delta(
                        before,
                        "wct_findings_total",
                        "personal_data",
                        "category=\"" + category + "\""))
                .as(category)
                .isEqualTo(count));
    // Series are per component type and category: no run or artifact id becomes a label.
    assertThat(after.body())
        .doesNotContain(run.runId())
        .doesNotContain("jane.doe@example.com")
        .doesNotContain("artifact=\"");
  }

  /** Findings per category in a stored artifact, read as the report would. */
  private Map<String, Long> categoriesOf(String runId, String artifactId) {
    Map<String, Long> counts = new TreeMap<>();
    try (MessageReader reader = MessageReader.open(Json.mapper(), store.read(runId, artifactId))) {
      reader
          .items()
          .forEachRemaining(item -> counts.merge(item.get("category").asText(), 1L, Long::sum));
    }
    return counts;
  }

  /** One Prometheus scrape, summed over the series of a name whose labels hold some strings. */
  private record Scrape(String body) {
    long value(String name, String component, String... labels) {
      double sum = 0;
      for (String line : body.lines().toList()) {
        if (line.startsWith(name + "{")
            && line.contains("component=\"" + component + "\"")
            && Arrays.stream(labels).allMatch(line::contains)) {
          sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return Math.round(sum);
    }

    long delta(Scrape before, String name, String component, String... labels) {
      return value(name, component, labels) - before.value(name, component, labels);
    }
  }

  private HttpResponse<String> awaitReadiness() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    HttpResponse<String> readiness = get("/actuator/health/readiness");
    while (readiness.statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      readiness = get("/actuator/health/readiness");
    }
    return readiness;
  }

  private String scrapeUntil(String expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = get("/actuator/prometheus");
      assertThat(response.statusCode()).isEqualTo(200);
      body = response.body();
      if (body.contains(expected)) {
        return body;
      }
      Thread.sleep(200);
    }
    return body;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

package dev.wct.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One worker process from the real worker jar, configured through its environment as in production,
 * with the test components on its loader path and its log in a file.
 */
final class WorkerProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final int managementPort;
  private final Path log;

  private WorkerProcess(String name, Process process, int managementPort, Path log) {
    this.name = name;
    this.process = process;
    this.managementPort = managementPort;
    this.log = log;
  }

  static WorkerProcess start(
      String name, Path components, Path workDir, Map<String, String> environment)
      throws IOException {
    return start(name, components, workDir, environment, null);
  }

  /**
   * @param cpu the one CPU (as {@code taskset -c} names it) the process may run on; null for any
   */
  static WorkerProcess start(
      String name, Path components, Path workDir, Map<String, String> environment, String cpu)
      throws IOException {
    int managementPort = Ports.free();
    Path log = workDir.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    if (cpu != null) {
      command.addAll(List.of("taskset", "-c", cpu));
    }
    command.addAll(
        List.of(
            Jars.java().toString(),
            "-Xmx384m",
            "-XX:TieredStopAtLevel=1",
            "-Dloader.path=" + components,
            "-cp",
            Jars.worker().toString(),
            "org.springframework.boot.loader.launch.PropertiesLauncher"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    builder.environment().put("WCT_MANAGEMENT_PORT", Integer.toString(managementPort));
    Process process = builder.start();
    System.out.println(
        "  started worker " + name + " (pid " + process.pid() + ", log " + log + ")");
    return new WorkerProcess(name, process, managementPort, log);
  }

  /** The environment of a worker of {@code temporal} that stores artifacts in {@code s3}. */
  static Map<String, String> environment(String temporal, S3Server s3) {
    return Map.of(
        "WCT_TEMPORAL_TARGET",
        temporal,
        "WCT_STORE_S3_BUCKET",
        S3Server.BUCKET,
        "WCT_STORE_S3_ENDPOINT",
        s3.endpoint().toString(),
        "WCT_STORE_S3_REGION",
        "us-east-1",
        "AWS_ACCESS_KEY_ID",
        S3Server.ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY",
        S3Server.SECRET_KEY);
  }

  String name() {
    return name;
  }

  /** Its process id: the Temporal SDK's default worker identity is {@code pid@host}. */
  long pid() {
    return process.pid();
  }

  /** Waits until the readiness probe answers 200: Temporal, its namespace and the store work. */
  void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "worker " + name + " exited with " + process.exitValue() + "; log: " + tail());
      }
      try {
        HttpResponse<String> response = get("/actuator/health/readiness");
        if (response.statusCode() == 200) {
          return;
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "worker " + name + " not ready within " + timeout + ": " + last + "; log: " + tail());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Producer attempts this worker started, from its Prometheus endpoint. */
  double producersStarted() throws Exception {
    return metric(get("/actuator/prometheus").body(), "wct_producer_started_total{");
  }

  /** Producer attempts running on this worker now: started, neither succeeded nor failed yet. */
  double producersRunning() throws Exception {
    String metrics = get("/actuator/prometheus").body();
    return metric(metrics, "wct_producer_started_total{")
        - metric(metrics, "wct_producer_succeeded_total{")
        - metric(metrics, "wct_producer_failed_total{");
  }

  private static double metric(String metrics, String prefix) {
    return metrics
        .lines()
        .filter(line -> line.startsWith(prefix))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** {@code kill -9}: no shutdown hook, no drain, running producers die mid-write. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    System.out.println("  killed worker " + name + " with SIGKILL (pid " + process.pid() + ")");
  }

  /** SIGTERM: the worker's graceful shutdown. Returns the exit code. */
  int terminate(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("worker " + name + " did not stop within " + timeout);
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String log() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private String tail() {
    try {
      List<String> lines = log().lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}

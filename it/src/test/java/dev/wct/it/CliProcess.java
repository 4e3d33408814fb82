package dev.wct.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code wct run --temporal} from the real CLI jar, in the background, as an operator submits a run
 * to a cluster and watches it. The run's ID is the one the CLI prints.
 */
final class CliProcess implements AutoCloseable {
  private static final Pattern RUN_LINE = Pattern.compile("(?m)^Run ([A-Za-z0-9_-]+): ");

  private final Process process;
  private final Path output;

  private CliProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  static CliProcess run(
      Path runbook,
      String temporal,
      S3Server s3,
      Path components,
      Path workDir,
      Map<String, String> environment)
      throws IOException {
    Path output = workDir.resolve("cli-" + System.nanoTime() + ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Jars.java().toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                Jars.cli() + File.pathSeparator + components,
                "dev.wct.cli.Wct",
                "run",
                runbook.toString(),
                "--temporal",
                temporal,
                "--store",
                "s3://" + S3Server.BUCKET,
                "--s3-endpoint",
                s3.endpoint().toString(),
                "--quiet"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    System.out.println(
        "  started `wct run --temporal " + temporal + "` (pid " + process.pid() + ")");
    return new CliProcess(process, output);
  }

  /** The run ID the CLI printed once it submitted the run. */
  String awaitRunId(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = RUN_LINE.matcher(output());
      if (m.find()) {
        return m.group(1);
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "wct run exited with " + process.exitValue() + " before a run started:\n" + output());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("wct run printed no run ID within " + timeout + ":\n" + output());
  }

  /** Waits for the CLI to exit and returns its exit code. */
  int awaitExit(Duration timeout) throws Exception {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("wct run still running after " + timeout + ":\n" + output());
    }
    return process.exitValue();
  }

  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    System.out.println("  killed the watching CLI with SIGKILL (pid " + process.pid() + ")");
  }

  String output() throws IOException {
    return Files.exists(output) ? Files.readString(output) : "";
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}

package dev.wct.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code wct run RUNBOOK --store STORE} in a forked JVM with a small heap that exits on an
 * OutOfMemoryError: the proof that a scan streams rather than holding its source.
 */
final class SmallHeapRun {
  private SmallHeapRun() {}

  /** Runs to the end, asserting it finished, exited 0 and never ran out of memory. */
  static void completes(Path runbook, Path store, String maxHeap)
      throws IOException, InterruptedException {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + maxHeap,
            "-XX:+ExitOnOutOfMemoryError",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.wct.cli.Wct",
            "run",
            runbook.toString(),
            "--quiet",
            "--store",
            store.toString());
    Path log = Files.createTempFile(runbook.getParent(), "run", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean finished = process.waitFor(20, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);

    assertThat(finished).as("the run finished").isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).doesNotContain("OutOfMemoryError");
  }
}

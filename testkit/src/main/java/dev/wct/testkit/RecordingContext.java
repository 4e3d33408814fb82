package dev.wct.testkit;

import dev.wct.core.run.CoverageCollector;
import dev.wct.spi.ProducerContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A producer context for component tests: fixed ids, a working directory, recorded heartbeats and
 * recorded coverage.
 */
public final class RecordingContext implements ProducerContext {
  private final Path workingDirectory;
  private final String runId;
  private final String artifactId;
  private final List<Object> heartbeats = new ArrayList<>();
  private final CoverageCollector coverage = new CoverageCollector();

  public RecordingContext(Path workingDirectory, String runId, String artifactId) {
    this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
    this.runId = Objects.requireNonNull(runId, "runId");
    this.artifactId = Objects.requireNonNull(artifactId, "artifactId");
  }

  /** A context of run {@code run-test}, artifact {@code artifact-test}. */
  public RecordingContext(Path workingDirectory) {
    this(workingDirectory, "run-test", "artifact-test");
  }

  /** A context whose relative paths resolve against the current directory. */
  public RecordingContext() {
    this(Path.of("."));
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public String artifactId() {
    return artifactId;
  }

  @Override
  public Path workingDirectory() {
    return workingDirectory;
  }

  @Override
  public synchronized void heartbeat(Object progress) {
    heartbeats.add(progress);
  }

  /** The heartbeats received so far, oldest first. */
  public synchronized List<Object> heartbeats() {
    return List.copyOf(heartbeats);
  }

  /**
   * The coverage the component recorded: {@code objects()} lists each object with its state and
   * reason, {@code summary()} counts them.
   */
  @Override
  public CoverageCollector coverage() {
    return coverage;
  }
}

package dev.wct.connectors.common;

import dev.wct.spi.ProducerContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A producer context that records the heartbeats it receives. */
public final class RecordingContext implements ProducerContext {
  private final Path workingDirectory;
  private final List<Object> heartbeats = new ArrayList<>();

  public RecordingContext(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  @Override
  public String runId() {
    return "run-test";
  }

  @Override
  public String artifactId() {
    return "artifact-test";
  }

  @Override
  public Path workingDirectory() {
    return workingDirectory;
  }

  @Override
  public void heartbeat(Object progress) {
    heartbeats.add(progress);
  }

  public List<Object> heartbeats() {
    return List.copyOf(heartbeats);
  }
}

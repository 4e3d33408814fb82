package dev.wct.analysers.testing;

import dev.wct.spi.ProducerContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A producer context that records heartbeats. */
public final class TestContext implements ProducerContext {
  private final Path workingDirectory;
  private final List<Object> heartbeats = new ArrayList<>();

  public TestContext(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  public TestContext() {
    this(Path.of("."));
  }

  @Override
  public String runId() {
    return "run-1";
  }

  @Override
  public String artifactId() {
    return "pii";
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
    return heartbeats;
  }
}

package dev.wct.spi;

import java.nio.file.Path;

/** What a running component may know of, and tell, the run it belongs to. */
public interface ProducerContext {
  String runId();

  String artifactId();

  /** The directory relative paths in properties resolve against. */
  Path workingDirectory();

  /**
   * Reports progress (for example items done) so that a stuck producer is detected and retried.
   * Throws if the run was cancelled; components should let that propagate.
   */
  void heartbeat(Object progress);
}

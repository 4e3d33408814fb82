package dev.wct.spi;

import dev.wct.spi.coverage.Coverage;
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

  /**
   * Where the component records what it read and what it skipped, per object (see {@link
   * Coverage}). The default records nothing, so contexts written before coverage still compile.
   */
  default Coverage coverage() {
    return Coverage.NONE;
  }

  /**
   * True when the component writes one partition of an artifact that the run then seals with {@link
   * Analyser#mergePartitions}: an analyser may add to its output what its merge needs.
   */
  default boolean producesPartition() {
    return false;
  }
}

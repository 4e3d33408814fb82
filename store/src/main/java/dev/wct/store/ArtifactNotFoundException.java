package dev.wct.store;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;

/** Thrown when a run or artifact that was asked for is not in the store. */
public class ArtifactNotFoundException extends WctException {
  private static final long serialVersionUID = 1L;

  public ArtifactNotFoundException(String runId, String artifactId) {
    super(ErrorKind.USER, "no artifact '" + artifactId + "' in run '" + runId + "'");
  }
}

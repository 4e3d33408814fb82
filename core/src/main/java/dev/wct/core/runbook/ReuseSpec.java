package dev.wct.core.runbook;

import java.util.Objects;

/** {@code reuse: {from_run, artifact}}: a copy of an artifact of an earlier run. */
public record ReuseSpec(String fromRun, String artifact) {
  public ReuseSpec {
    Objects.requireNonNull(fromRun, "fromRun");
    Objects.requireNonNull(artifact, "artifact");
  }
}

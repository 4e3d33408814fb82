package dev.wct.workflows.run;

import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.ArtifactState;
import java.util.Objects;

/**
 * Where one artifact of a run stands, as the workflow sees it. Times are workflow time in epoch
 * milliseconds.
 *
 * @param id the artifact id
 * @param producer a label such as {@code connector mysql}
 * @param state where it stands
 * @param attempts producer attempts, 0 if it never ran (known once it has finished)
 * @param output the claim check of the stored artifact; null unless succeeded
 * @param error the last error, one line; null if none
 * @param errorKind the error's type: an ErrorKind name or an exception class; null if none
 * @param skipReason why it was skipped, e.g. {@code input 'db' failed} or {@code timeout}
 * @param startedAtMillis when its producer was started; null if never
 * @param endedAtMillis when it reached a final state; null before
 */
public record ArtifactOutcome(
    String id,
    String producer,
    ArtifactState state,
    int attempts,
    ArtifactRef output,
    String error,
    String errorKind,
    String skipReason,
    Long startedAtMillis,
    Long endedAtMillis) {
  public ArtifactOutcome {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
  }
}

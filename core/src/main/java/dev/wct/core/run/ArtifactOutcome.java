package dev.wct.core.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where one artifact of a run stands: the one vocabulary of the workflow (its result and status
 * query), the producers' and the workflow's run records, and the command line. Times are epoch
 * milliseconds (workflow time in the workflow). Its JSON shape is that of the workflow payloads
 * recorded in existing histories; keep it compatible.
 *
 * @param id the artifact id
 * @param producer a label such as {@code connector mysql}
 * @param state where it stands
 * @param attempts producer attempts: the current one while running, 0 if it never ran
 * @param output the claim check of the stored artifact; null unless succeeded
 * @param error the last error, one line; null if none (a running artifact may show the error of its
 *     previous attempt)
 * @param errorKind the error's type: an ErrorKind name or an exception class; null if none
 * @param skipReason why it was skipped, e.g. {@code input 'db' failed} or {@code timeout}
 * @param startedAtMillis when its producer was first started; null if never
 * @param endedAtMillis when it reached a final state; null before
 * @param coverage what its producer read and skipped, counted; null if the producer records no
 *     coverage (and in records and histories written before coverage)
 * @param warnings coverage gaps and the like, one line each, at most {@link #MAX_WARNINGS} (the
 *     last saying how many more); null or empty if none
 * @param reusedFrom the run whose artifact a retry reused instead of producing it again (its
 *     content copied into this run); null if this run produced it
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
    Long endedAtMillis,
    @JsonInclude(JsonInclude.Include.NON_NULL) CoverageSummary coverage,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> warnings,
    @JsonInclude(JsonInclude.Include.NON_NULL) String reusedFrom) {
  /** Warnings kept per artifact: they travel through workflow history. */
  public static final int MAX_WARNINGS = 5;

  public ArtifactOutcome {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative, got " + attempts);
    }
    warnings = warnings == null ? null : bounded(warnings);
  }

  /**
   * At most {@link #MAX_WARNINGS} lines: the first four and {@code and N more} when there are more.
   */
  public static List<String> bounded(List<String> warnings) {
    List<String> copy = List.copyOf(warnings);
    if (copy.size() <= MAX_WARNINGS) {
      return copy;
    }
    List<String> kept = new ArrayList<>(copy.subList(0, MAX_WARNINGS - 1));
    kept.add("and " + (copy.size() - kept.size()) + " more");
    return List.copyOf(kept);
  }

  /** Whether it carries a warning. */
  @JsonIgnore
  public boolean hasWarnings() {
    return warnings != null && !warnings.isEmpty();
  }

  /** Its warnings; empty if none. */
  @JsonIgnore
  public List<String> warningLines() {
    return warnings == null ? List.of() : warnings;
  }

  /** Not started: its inputs are not done yet, or it waits for a free slot. */
  public static ArtifactOutcome waiting(String id, String producer) {
    return new ArtifactOutcome(
        id,
        producer,
        ArtifactState.WAITING,
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * Its producer is running attempt {@code attempt} (0 while the workflow has started it but no
   * attempt has reported), started at {@code startedAtMillis}.
   */
  public static ArtifactOutcome running(
      String id, String producer, int attempt, long startedAtMillis) {
    return new ArtifactOutcome(
        id,
        producer,
        ArtifactState.RUNNING,
        attempt,
        null,
        null,
        null,
        null,
        startedAtMillis,
        null,
        null,
        null,
        null);
  }

  public static ArtifactOutcome succeeded(
      String id,
      String producer,
      ArtifactRef output,
      int attempts,
      Long startedAtMillis,
      long endedAtMillis) {
    return succeeded(id, producer, output, attempts, startedAtMillis, endedAtMillis, null, null);
  }

  /** Succeeded, with what its producer read and the warnings that calls for (both nullable). */
  public static ArtifactOutcome succeeded(
      String id,
      String producer,
      ArtifactRef output,
      int attempts,
      Long startedAtMillis,
      long endedAtMillis,
      CoverageSummary coverage,
      List<String> warnings) {
    Objects.requireNonNull(output, "output");
    return new ArtifactOutcome(
        id,
        producer,
        ArtifactState.SUCCEEDED,
        attempts,
        output,
        null,
        null,
        null,
        startedAtMillis,
        endedAtMillis,
        coverage,
        warnings == null || warnings.isEmpty() ? null : warnings,
        null);
  }

  public static ArtifactOutcome failed(
      String id,
      String producer,
      String error,
      String errorKind,
      int attempts,
      Long startedAtMillis,
      long endedAtMillis) {
    return new ArtifactOutcome(
        id,
        producer,
        ArtifactState.FAILED,
        attempts,
        null,
        error,
        errorKind,
        null,
        startedAtMillis,
        endedAtMillis,
        null,
        null,
        null);
  }

  /** Never produced: an input did not succeed, or the run stopped ({@code timeout}, ...). */
  public static ArtifactOutcome skipped(
      String id, String producer, String reason, Long startedAtMillis, long endedAtMillis) {
    return new ArtifactOutcome(
        id,
        producer,
        ArtifactState.SKIPPED,
        0,
        null,
        null,
        null,
        reason,
        startedAtMillis,
        endedAtMillis,
        null,
        null,
        null);
  }

  /** The same, still running, showing the error of the attempt before. */
  public ArtifactOutcome withLastError(String lastError, String lastErrorKind) {
    return new ArtifactOutcome(
        id,
        producer,
        state,
        attempts,
        output,
        lastError,
        lastErrorKind,
        skipReason,
        startedAtMillis,
        endedAtMillis,
        coverage,
        warnings,
        reusedFrom);
  }

  /**
   * Succeeded in run {@code fromRunId} and reused by a retry: the same outcome with {@code output},
   * the copy in the retrying run.
   */
  public ArtifactOutcome reusedAs(ArtifactRef copy, String fromRunId) {
    Objects.requireNonNull(copy, "copy");
    Objects.requireNonNull(fromRunId, "fromRunId");
    return new ArtifactOutcome(
        id,
        producer,
        ArtifactState.SUCCEEDED,
        attempts,
        copy,
        null,
        null,
        null,
        startedAtMillis,
        endedAtMillis,
        coverage,
        warnings,
        fromRunId);
  }

  /** Whether a retry reused it from an earlier run rather than producing it. */
  @JsonIgnore
  public boolean reused() {
    return reusedFrom != null;
  }

  /** The same with another attempt count. */
  public ArtifactOutcome withAttempts(int attemptCount) {
    return new ArtifactOutcome(
        id,
        producer,
        state,
        attemptCount,
        output,
        error,
        errorKind,
        skipReason,
        startedAtMillis,
        endedAtMillis,
        coverage,
        warnings,
        reusedFrom);
  }

  @JsonIgnore
  public Instant startedAt() {
    return startedAtMillis == null ? null : Instant.ofEpochMilli(startedAtMillis);
  }

  @JsonIgnore
  public Instant endedAt() {
    return endedAtMillis == null ? null : Instant.ofEpochMilli(endedAtMillis);
  }

  /** Milliseconds from start to end, or null while unfinished or never started. */
  @JsonIgnore
  public Long durationMillis() {
    return startedAtMillis == null || endedAtMillis == null
        ? null
        : endedAtMillis - startedAtMillis;
  }
}

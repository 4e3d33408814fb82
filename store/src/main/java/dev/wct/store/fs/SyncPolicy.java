package dev.wct.store.fs;

import java.util.Arrays;
import java.util.Locale;

/**
 * When the folder store makes what it writes durable (fsync). Run-level records (those at the top
 * of {@code _system/}: {@code run.json}, {@code plan.json}, {@code results.json} ...) are synced
 * when written under either policy; the policies differ in artifacts and the per-artifact records
 * ({@code artifacts/ID.json}, {@code coverage/ID.json} and the other record folders), which are
 * entries of the run's record journal {@code _system/.records}.
 */
public enum SyncPolicy {
  /**
   * Each artifact and per-artifact record is synced before its save returns: a producer step that
   * completed survives a machine crash. Needed wherever the orchestrator outlives a machine crash
   * (a Temporal server with a database), because its history then points at the artifact.
   */
  PER_ARTIFACT("per-artifact"),

  /**
   * Artifacts and per-artifact records are synced together when the run ends ({@link
   * dev.wct.store.ArtifactStore#syncRun}) or the store is closed. Until then the run folder holds a
   * durable {@code .unsynced} marker, and a run that still has it (its writer died) is never
   * trusted blindly: every checksum of its artifacts is computed from the bytes on disk, so an
   * artifact torn by a power loss is found and produced again by a retry. A process crash loses
   * nothing (the page cache survives it). Only for a run written by one process whose orchestrator
   * does not survive a machine crash anyway: {@code wct run} on its in-process Temporal service.
   */
  PER_RUN("per-run");

  private final String label;

  SyncPolicy(String label) {
    this.label = label;
  }

  /** The name in settings and on the command line. */
  public String label() {
    return label;
  }

  /**
   * The policy named {@code label}.
   *
   * @throws IllegalArgumentException naming the known labels
   */
  public static SyncPolicy of(String label) {
    String wanted = label.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(policy -> policy.label.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "must be per-artifact or per-run, not '" + label + "'"));
  }
}

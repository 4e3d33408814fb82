package dev.wct.cli.options;

import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStores;
import dev.wct.store.fs.SyncPolicy;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --store-sync per-run|per-artifact} option of the commands that run a runbook: when a
 * folder store syncs what the run writes. The default depends on where the run goes: on the
 * embedded Temporal service, which keeps its state in memory, a machine crash loses the run
 * whatever the store synced, so the store syncs once when the run ends; on a cluster, the server's
 * history outlives a crash and points at each artifact, so each is synced before its step
 * completes.
 */
public final class StoreSyncOption {
  @Option(
      names = "--store-sync",
      paramLabel = "per-run|per-artifact",
      defaultValue = "${env:WCT_STORE_SYNC}",
      description =
          "When a folder store syncs the run's artifacts and their records to disk: per-run, once"
              + " when the run ends (default on the embedded service: a machine crash loses its"
              + " run anyway, and a retry re-checks the checksums of a run that never synced), or"
              + " per-artifact, before each step completes (default with --address). Run-level"
              + " records are always synced at once. Ignored for S3 (default: $WCT_STORE_SYNC).")
  private String sync;

  /**
   * The store setting for a run on the embedded service, or on a cluster when {@code onCluster}.
   *
   * @throws WctException USER for an unknown policy, or per-run with a cluster
   */
  public Map<String, String> settings(boolean onCluster) {
    SyncPolicy policy;
    if (sync == null || sync.isBlank()) {
      policy = onCluster ? SyncPolicy.PER_ARTIFACT : SyncPolicy.PER_RUN;
    } else {
      try {
        policy = SyncPolicy.of(sync);
      } catch (IllegalArgumentException e) {
        throw WctException.user("--store-sync: " + e.getMessage());
      }
    }
    if (onCluster && policy == SyncPolicy.PER_RUN) {
      throw WctException.user(
          "--store-sync per-run needs the embedded service: with --address, worker processes"
              + " write the run and its end is recorded by whichever worker runs it, so each"
              + " artifact must be synced when written");
    }
    return Map.of(ArtifactStores.FOLDER_SYNC, policy.label());
  }
}

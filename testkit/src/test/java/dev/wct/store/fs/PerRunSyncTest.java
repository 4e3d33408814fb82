package dev.wct.store.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.store.StoredArtifact;
import dev.wct.testkit.store.GeneratedBytes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SyncPolicy#PER_RUN}: nothing of a run is synced before the run ends, so a run whose writer
 * died keeps a durable marker, and nothing of it is trusted on the strength of its checksum
 * sidecar. A power loss is simulated by what it can leave behind: a file whose name and metadata
 * survived but whose bytes did not (a torn or zeroed block), or a file that is gone.
 */
class PerRunSyncTest {
  /** Large enough for a checksum sidecar, which a torn artifact's metadata would still match. */
  private static final byte[] ARTIFACT =
      ("{\"items\":[\"" + "x".repeat((int) ChecksumSidecar.MIN_SIZE) + "\"]}").getBytes(UTF_8);

  @TempDir Path root;

  private Path runDir(String runId) {
    return root.resolve("runs").resolve(runId);
  }

  private Path artifact(String runId, String artifactId) {
    return runDir(runId).resolve("artifacts").resolve(artifactId + ".json");
  }

  private StoredArtifact saveWithRecord(FileSystemArtifactStore store, String runId) {
    return store.saveWithRecord(
        runId, "db", out -> out.write(ARTIFACT), "artifacts/db.json", stored -> bytes(stored));
  }

  private static byte[] bytes(StoredArtifact stored) {
    return stored.sha256().getBytes(UTF_8);
  }

  @Test
  void aRunCarriesTheUnsyncedMarkerFromItsFirstWriteUntilItIsSynced() {
    FileSystemArtifactStore store = new FileSystemArtifactStore(root, SyncPolicy.PER_RUN);
    Path marker = runDir("run-1").resolve(FileSystemArtifactStore.UNSYNCED_MARKER);

    saveWithRecord(store, "run-1");
    store.saveRecord("run-1", "coverage/db.json", "{}".getBytes(UTF_8));
    assertThat(marker).exists();

    store.syncRun("run-1");

    assertThat(marker).doesNotExist();
    assertThat(store.stat("run-1", "db")).map(StoredArtifact::sha256).hasValue(sha256(ARTIFACT));
    assertThat(store.readRecord("run-1", "artifacts/db.json")).isPresent();
    // the marker is hidden: it makes no run appear, and no record
    assertThat(store.listRecords("run-1", ""))
        .containsExactly("artifacts/db.json", "coverage/db.json");
  }

  @Test
  void aRunFolderDeletedBehindTheStoresBackIsMadeAgainByItsNextWrite() {
    for (SyncPolicy policy : SyncPolicy.values()) {
      FileSystemArtifactStore store = new FileSystemArtifactStore(root, policy);
      saveWithRecord(store, "run-1");
      store.saveProgressRecord("run-1", "artifacts/report.json", "{}".getBytes(UTF_8));

      new FileSystemArtifactStore(root).deleteRun("run-1");
      assertThat(runDir("run-1")).doesNotExist();

      saveWithRecord(store, "run-1");
      store.saveProgressRecord("run-1", "artifacts/report.json", "{}".getBytes(UTF_8));
      store.save("run-1", "report", out -> out.write(ARTIFACT));
      assertThat(store.list("run-1")).as(policy.name()).containsExactly("db", "report");
      assertThat(store.listRecords("run-1", ""))
          .as(policy.name())
          .containsExactly("artifacts/db.json", "artifacts/report.json");
      store.close();
      new FileSystemArtifactStore(root).deleteRun("run-1");
    }
  }

  @Test
  void writingIntoASyncedRunAgainMarksItUntilTheNextSync() {
    FileSystemArtifactStore store = new FileSystemArtifactStore(root, SyncPolicy.PER_RUN);
    Path marker = runDir("run-1").resolve(FileSystemArtifactStore.UNSYNCED_MARKER);
    saveWithRecord(store, "run-1");
    store.syncRun("run-1");

    store.save("run-1", "report", out -> out.write(ARTIFACT));

    assertThat(marker).exists();
    store.close();
    assertThat(marker).doesNotExist();
  }

  @Test
  void runLevelRecordsAreSyncedAtOnceAndLeaveNoMarker() {
    FileSystemArtifactStore store = new FileSystemArtifactStore(root, SyncPolicy.PER_RUN);

    store.saveRecord("run-1", "run.json", "{}".getBytes(UTF_8));

    assertThat(runDir("run-1").resolve(FileSystemArtifactStore.UNSYNCED_MARKER)).doesNotExist();
  }

  @Test
  void anArtifactTornByAPowerLossIsFoundByItsChecksumAndNotReused() throws IOException {
    FileSystemArtifactStore writer = new FileSystemArtifactStore(root, SyncPolicy.PER_RUN);
    StoredArtifact written = saveWithRecord(writer, "run-1");
    // the writer dies before the run ends: no sync; then the machine loses power, and the file's
    // metadata (name, size, time) survived but its block did not
    zeroInPlace(artifact("run-1", "db"));

    FileSystemArtifactStore afterReboot = new FileSystemArtifactStore(root, SyncPolicy.PER_RUN);

    assertThat(afterReboot.stat("run-1", "db"))
        .map(StoredArtifact::sha256)
        .hasValue(sha256(new byte[ARTIFACT.length]));
    assertThat(afterReboot.copy("run-1", "db", "run-2", written.sha256())).isEmpty();
    assertThat(afterReboot.exists("run-2", "db")).isFalse();
  }

  @Test
  void aStoreThatSyncsPerArtifactDoesNotTrustAnUnsyncedRunEither() throws IOException {
    StoredArtifact written =
        saveWithRecord(new FileSystemArtifactStore(root, SyncPolicy.PER_RUN), "run-1");
    zeroInPlace(artifact("run-1", "db"));

    FileSystemArtifactStore perArtifact = new FileSystemArtifactStore(root);

    assertThat(perArtifact.stat("run-1", "db"))
        .map(StoredArtifact::sha256)
        .hasValue(sha256(new byte[ARTIFACT.length]));
    assertThat(perArtifact.copy("run-1", "db", "run-2", written.sha256())).isEmpty();
  }

  @Test
  void anIntactArtifactOfAnUnsyncedRunIsReusedAfterItsBytesAreChecked() {
    StoredArtifact written =
        saveWithRecord(new FileSystemArtifactStore(root, SyncPolicy.PER_RUN), "run-1");
    // the writing process was killed: its page cache was not lost, the bytes are whole

    FileSystemArtifactStore next = new FileSystemArtifactStore(root, SyncPolicy.PER_RUN);

    assertThat(next.copy("run-1", "db", "run-2", written.sha256())).isPresent();
    next.syncRun("run-2");
    assertThat(runDir("run-2").resolve(FileSystemArtifactStore.UNSYNCED_MARKER)).doesNotExist();
  }

  @Test
  void anArtifactLostByAPowerLossIsNotFound() throws IOException {
    FileSystemArtifactStore writer = new FileSystemArtifactStore(root, SyncPolicy.PER_RUN);
    saveWithRecord(writer, "run-1");
    Files.delete(artifact("run-1", "db"));

    FileSystemArtifactStore afterReboot = new FileSystemArtifactStore(root, SyncPolicy.PER_RUN);

    assertThat(afterReboot.stat("run-1", "db")).isEmpty();
  }

  @Test
  void theSyncPolicyComesFromTheFolderSyncSetting() {
    assertThat(
            ((FileSystemArtifactStore)
                    dev.wct.store.ArtifactStores.open(
                        root.toString(),
                        java.util.Map.of(dev.wct.store.ArtifactStores.FOLDER_SYNC, "per-run")))
                .syncPolicy())
        .isEqualTo(SyncPolicy.PER_RUN);
    assertThat(
            ((FileSystemArtifactStore) dev.wct.store.ArtifactStores.open(root.toString()))
                .syncPolicy())
        .isEqualTo(SyncPolicy.PER_ARTIFACT);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                dev.wct.store.ArtifactStores.open(
                    root.toString(),
                    java.util.Map.of(dev.wct.store.ArtifactStores.FOLDER_SYNC, "never")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("folder.sync: must be per-artifact or per-run, not 'never'");
  }

  /** Overwrites a file's bytes with zeros, keeping its size and modification time. */
  private static void zeroInPlace(Path file) throws IOException {
    FileTime modified = Files.getLastModifiedTime(file);
    long size = Files.size(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.allocate((int) size), 0);
    }
    Files.setLastModifiedTime(file, modified);
  }

  private static String sha256(byte[] bytes) {
    return GeneratedBytes.sha256Of(bytes);
  }
}

package dev.wct.store.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.store.ArtifactNotFoundException;
import dev.wct.store.StoredArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under {@link SyncPolicy#PER_RUN} a small artifact is an entry of its run's record journal, not a
 * file: what a user of the store sees does not change, and a deleted one leaves no scanned byte on
 * disk.
 */
class PackedArtifactsTest {
  private static final String PLANTED = "planted.carol.8812@example.org";

  @TempDir Path root;

  private FileSystemArtifactStore perRun() {
    return new FileSystemArtifactStore(root, SyncPolicy.PER_RUN);
  }

  private Path artifactFile(String runId, String artifactId) {
    return root.resolve("runs").resolve(runId).resolve("artifacts").resolve(artifactId + ".json");
  }

  private static byte[] message(String value) {
    return ("{\"items\":[{\"content\":\"" + value + "\"}]}").getBytes(UTF_8);
  }

  private static byte[] read(FileSystemArtifactStore store, String runId, String artifactId) {
    try (InputStream in = store.read(runId, artifactId)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether any file under the store holds {@code text}. */
  private boolean onDisk(String text) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (new String(Files.readAllBytes(file), UTF_8).contains(text)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void aSmallArtifactIsPackedAndEveryStoreReadsItAsAnyOther() {
    FileSystemArtifactStore store = perRun();
    byte[] content = message("x");
    StoredArtifact stored =
        store.saveWithRecord(
            "run-1",
            "db",
            out -> out.write(content),
            "artifacts/db.json",
            saved -> saved.sha256().getBytes(UTF_8));
    store.syncRun("run-1");

    assertThat(artifactFile("run-1", "db")).doesNotExist();
    // a reader opened with the other policy, as `wct inspect` opens it
    for (FileSystemArtifactStore reader : List.of(store, new FileSystemArtifactStore(root))) {
      assertThat(reader.list("run-1")).containsExactly("db");
      assertThat(reader.exists("run-1", "db")).isTrue();
      assertThat(reader.stat("run-1", "db")).hasValue(stored);
      assertThat(read(reader, "run-1", "db")).isEqualTo(content);
      assertThat(reader.readRecord("run-1", "artifacts/db.json"))
          .hasValueSatisfying(r -> assertThat(new String(r, UTF_8)).isEqualTo(stored.sha256()));
      assertThat(reader.location("run-1", "db")).contains(".records").contains("db");
    }
    assertThat(stored.sizeBytes()).isEqualTo(content.length);
    assertThat(stored.key()).isEqualTo("runs/run-1/artifacts/db.json");
  }

  @Test
  void aLargeArtifactAnArtifactUnderPerArtifactAndOneHoldingTheJournalsMarkAreFiles() {
    FileSystemArtifactStore store = perRun();
    byte[] large = message("y".repeat(FileSystemArtifactStore.PACKED_MAX));
    store.save("run-1", "large", out -> out.write(large));
    store.save("run-1", "marked", out -> out.write(new byte[] {'{', 0x1E, '}'}));
    new FileSystemArtifactStore(root).save("run-1", "durable", out -> out.write(message("z")));

    assertThat(artifactFile("run-1", "large")).exists();
    assertThat(artifactFile("run-1", "marked")).exists();
    assertThat(artifactFile("run-1", "durable")).exists();
    assertThat(read(store, "run-1", "large")).isEqualTo(large);
    assertThat(read(store, "run-1", "marked")).containsExactly('{', 0x1E, '}');
  }

  @Test
  void theFirstSaveOfAPackedArtifactIsTheOneKept() {
    FileSystemArtifactStore store = perRun();
    StoredArtifact first = store.save("run-1", "db", out -> out.write(message("first")));
    StoredArtifact second = perRun().save("run-1", "db", out -> out.write(message("second")));

    assertThat(second).isEqualTo(first);
    assertThat(read(store, "run-1", "db")).isEqualTo(message("first"));
  }

  @Test
  void theRecordSavedWithAPackedArtifactDescribesTheOneKept() {
    FileSystemArtifactStore store = perRun();
    StoredArtifact first = store.save("run-1", "db", out -> out.write(message("first")));

    StoredArtifact kept =
        perRun()
            .saveWithRecord(
                "run-1",
                "db",
                out -> out.write(message("second")),
                "artifacts/db.json",
                saved -> saved.sha256().getBytes(UTF_8));

    assertThat(kept).isEqualTo(first);
    assertThat(store.readRecord("run-1", "artifacts/db.json"))
        .hasValueSatisfying(r -> assertThat(new String(r, UTF_8)).isEqualTo(first.sha256()));
  }

  @Test
  void aDeletedPackedArtifactLeavesNoScannedValueInAnyFileOfTheStore() throws IOException {
    FileSystemArtifactStore store = perRun();
    store.saveWithRecord(
        "run-1",
        "files",
        out -> out.write(message(PLANTED)),
        "artifacts/files.json",
        saved -> "{}".getBytes(UTF_8));
    store.save("run-1", "findings", out -> out.write(message("redacted")));
    assertThat(onDisk(PLANTED)).isTrue();

    store.delete("run-1", "files");
    store.syncRun("run-1");

    assertThat(onDisk(PLANTED)).isFalse();
    assertThat(store.list("run-1")).containsExactly("findings");
    assertThat(store.exists("run-1", "files")).isFalse();
    assertThatThrownBy(() -> store.read("run-1", "files"))
        .isInstanceOf(ArtifactNotFoundException.class);
    assertThat(store.readRecord("run-1", "artifacts/files.json")).isPresent();
    assertThat(read(store, "run-1", "findings")).isEqualTo(message("redacted"));
    assertThat(root.resolve("runs/run-1").resolve(FileSystemArtifactStore.UNSYNCED_MARKER))
        .doesNotExist();
  }

  @Test
  void aPackedArtifactIsCopiedIntoAnotherRunAndOutlivesItsRun() {
    FileSystemArtifactStore store = perRun();
    StoredArtifact source = store.save("run-1", "db", out -> out.write(message("x")));

    assertThat(store.copy("run-1", "db", "run-2", source.sha256()))
        .hasValueSatisfying(copy -> assertThat(copy.sha256()).isEqualTo(source.sha256()));
    store.deleteRun("run-1");

    assertThat(read(store, "run-2", "db")).isEqualTo(message("x"));
    assertThat(store.list("run-1")).isEmpty();
    assertThat(store.listRuns()).containsExactly("run-2");
  }
}

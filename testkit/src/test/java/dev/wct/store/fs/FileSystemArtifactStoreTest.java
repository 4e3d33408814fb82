package dev.wct.store.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactNotFoundException;
import dev.wct.store.StoredArtifact;
import dev.wct.testkit.store.GeneratedBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemArtifactStoreTest {
  @TempDir Path root;

  private FileSystemArtifactStore open() {
    return new FileSystemArtifactStore(root);
  }

  private Path artifacts(String runId) {
    return root.resolve("runs").resolve(runId).resolve("artifacts");
  }

  @Test
  void aCopyIntoAnotherRunIsAHardLinkNotASecondCopyOfTheBytes() throws IOException {
    FileSystemArtifactStore store = open();
    StoredArtifact source = store.save("run-1", "db", out -> out.write(new byte[] {1, 2, 3}));

    assertThat(store.copy("run-1", "db", "run-2", source.sha256())).isPresent();

    Path copy = root.resolve("runs/run-2/artifacts/db.json");
    assertThat(Files.isSameFile(copy, root.resolve("runs/run-1/artifacts/db.json"))).isTrue();
    assertThat(Files.getAttribute(copy, "unix:nlink")).isEqualTo(2);
  }

  @Test
  void artifactsAndRecordsLiveInTheDocumentedLayout() throws IOException {
    FileSystemArtifactStore store = open();

    store.save("run-1", "db", out -> out.write("{}".getBytes(UTF_8)));
    store.saveRecord("run-1", "run.json", "{\"run\":1}".getBytes(UTF_8));
    store.saveRecord("run-1", "artifacts/db.json", "{\"state\":1}".getBytes(UTF_8));

    Path data = artifacts("run-1").resolve("db.json");
    assertThat(data).hasContent("{}");
    assertThat(store.location("run-1", "db")).isEqualTo(data.toAbsolutePath().toString());
    assertThat(root.resolve("runs/run-1/_system/run.json")).hasContent("{\"run\":1}");
    Path journal = root.resolve("runs/run-1/_system/.records");
    assertThat(Files.readString(journal)).contains("artifacts/db.json\n{\"state\":1}\n");
    assertThat(store.recordLocation("run-1", "artifacts/db.json"))
        .startsWith(journal.toAbsolutePath().toString());
  }

  /** A run written before records had a journal: its record files are read and listed. */
  @Test
  void perArtifactRecordFilesOfEarlierVersionsAreReadUntilTheJournalHasANewerOne()
      throws IOException {
    FileSystemArtifactStore store = open();
    Path system = root.resolve("runs/run-1/_system");
    Files.createDirectories(system.resolve("artifacts"));
    Files.writeString(system.resolve("artifacts/db.json"), "{\"v\":\"file\"}");
    Files.writeString(system.resolve("artifacts/pii.json"), "{\"v\":\"file\"}");

    store.saveRecord("run-1", "artifacts/pii.json", "{\"v\":\"journal\"}".getBytes(UTF_8));
    store.saveRecord("run-1", "artifacts/new.json", "{\"v\":\"journal\"}".getBytes(UTF_8));

    assertThat(store.listRecords("run-1", "artifacts/"))
        .containsExactly("artifacts/db.json", "artifacts/new.json", "artifacts/pii.json");
    assertThat(store.readRecord("run-1", "artifacts/db.json"))
        .hasValue("{\"v\":\"file\"}".getBytes(UTF_8));
    assertThat(store.readRecord("run-1", "artifacts/pii.json"))
        .hasValue("{\"v\":\"journal\"}".getBytes(UTF_8));
    assertThat(store.listRuns()).containsExactly("run-1");
  }

  @Test
  void aRunWithOnlyJournaledRecordsIsListedAndDeletedWhole() {
    FileSystemArtifactStore store = open();
    store.saveRecord("run-1", "artifacts/db.json", "{}".getBytes(UTF_8));

    assertThat(store.listRuns()).containsExactly("run-1");
    store.deleteRun("run-1");
    assertThat(store.listRuns()).isEmpty();
    assertThat(store.readRecord("run-1", "artifacts/db.json")).isEmpty();

    store.saveRecord("run-1", "artifacts/db.json", "{\"again\":1}".getBytes(UTF_8));
    assertThat(store.readRecord("run-1", "artifacts/db.json"))
        .hasValue("{\"again\":1}".getBytes(UTF_8));
  }

  @Test
  void filesAreReadableByTheirOwnerOnlyAndFoldersOpenToTheOwnerOnly() throws IOException {
    assumeTrue(
        root.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "the file system has no POSIX permissions");
    FileSystemArtifactStore store = open();

    store.save("run-1", "db", new GeneratedBytes(2, ChecksumSidecar.MIN_SIZE));
    store.saveRecord("run-1", "artifacts/db.json", "{\"state\":1}".getBytes(UTF_8));
    store.saveProgressRecord("run-1", "progress.json", "{}".getBytes(UTF_8));

    List<Path> files = new ArrayList<>();
    List<Path> folders = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root.resolve("runs"))) {
      walk.forEach(path -> (Files.isDirectory(path) ? folders : files).add(path));
    }
    // the artifact, its checksum sidecar and both records
    assertThat(files).hasSizeGreaterThanOrEqualTo(4);
    for (Path file : files) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(file.toString())
          .isEqualTo("rw-------");
    }
    for (Path folder : folders) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
          .as(folder.toString())
          .isEqualTo("rwx------");
    }
  }

  @Test
  void secondSaveDoesNotRunTheProducerAgain() {
    FileSystemArtifactStore store = open();
    AtomicInteger calls = new AtomicInteger();

    store.save("run-1", "db", out -> calls.incrementAndGet());
    store.save("run-1", "db", out -> calls.incrementAndGet());

    assertThat(calls).hasValue(1);
  }

  @Test
  void producerThatClosesTheStreamStillGetsADurableArtifact() throws IOException {
    FileSystemArtifactStore store = open();

    StoredArtifact stored =
        store.save(
            "run-1",
            "db",
            out -> {
              out.write("abc".getBytes(UTF_8));
              out.close();
            });

    assertThat(stored.sizeBytes()).isEqualTo(3);
    assertThat(artifacts("run-1").resolve("db.json")).hasContent("abc");
  }

  @Test
  void tempFilesLeftByACrashedWriterAreInvisibleAndStaleOnesRemovedOnOpen() throws IOException {
    FileSystemArtifactStore store = open();
    store.save("run-1", "db", out -> out.write(1));
    store.saveRecord("run-1", "run.json", "{}".getBytes(UTF_8));
    Path stale = Files.write(artifacts("run-1").resolve(".pii.json.1234.tmp"), new byte[10]);
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    Path fresh = Files.write(artifacts("run-1").resolve(".pii.json.5678.tmp"), new byte[10]);
    Path staleRecord =
        Files.write(root.resolve("runs/run-1/_system/.run.json.9999.tmp"), new byte[3]);
    Files.setLastModifiedTime(staleRecord, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

    assertThat(store.list("run-1")).containsExactly("db");
    assertThat(store.listRecords("run-1", "")).containsExactly("run.json");
    assertThat(store.exists("run-1", "pii")).isFalse();

    open();

    assertThat(stale).doesNotExist();
    assertThat(staleRecord).doesNotExist();
    assertThat(fresh).exists();
    assertThat(artifacts("run-1").resolve("db.json")).exists();
  }

  @Test
  void crashBetweenWritingAndPublishingNeverExposesAPartialArtifact() throws IOException {
    FileSystemArtifactStore store = open();
    Files.createDirectories(artifacts("run-1"));
    // What a writer leaves when it dies after its checksum sidecar but before publishing.
    Path temp = Files.write(artifacts("run-1").resolve(".db.json.1234.tmp"), new byte[500]);
    ChecksumSidecar.write(
        ChecksumSidecar.of(artifacts("run-1").resolve("db.json")),
        ChecksumSidecar.identity(Files.readAttributes(temp, BasicFileAttributes.class)),
        GeneratedBytes.sha256Of(new byte[500]));

    assertThat(store.stat("run-1", "db")).isEmpty();
    assertThat(store.list("run-1")).isEmpty();
    assertThatThrownBy(() -> store.read("run-1", "db"))
        .isInstanceOf(ArtifactNotFoundException.class);

    byte[] bytes = "complete".getBytes(UTF_8);
    StoredArtifact stored = store.save("run-1", "db", out -> out.write(bytes));

    assertThat(stored.sha256()).isEqualTo(GeneratedBytes.sha256Of(bytes));
    assertThat(open().stat("run-1", "db")).contains(stored);
  }

  @Test
  void statIsRightWhenTheChecksumSidecarIsMissingOrDescribesAnotherFile() throws IOException {
    FileSystemArtifactStore store = open();
    StoredArtifact stored =
        store.save("run-1", "db", new GeneratedBytes(7, ChecksumSidecar.MIN_SIZE));
    Path sidecar = ChecksumSidecar.of(artifacts("run-1").resolve("db.json"));
    assertThat(sidecar).exists();

    Files.delete(sidecar);
    assertThat(store.stat("run-1", "db")).contains(stored);
    assertThat(sidecar).exists();

    // A losing concurrent writer's sidecar names its own temp file, not the published one.
    Path other = Files.write(root.resolve("other"), "other content".getBytes(UTF_8));
    ChecksumSidecar.write(
        sidecar,
        ChecksumSidecar.identity(Files.readAttributes(other, BasicFileAttributes.class)),
        GeneratedBytes.sha256Of("other content".getBytes(UTF_8)));
    assertThat(store.stat("run-1", "db")).contains(stored);

    Files.writeString(sidecar, "garbage");
    assertThat(store.stat("run-1", "db")).contains(stored);

    // Sidecars are not synced: a crash may leave one torn.
    String identity =
        ChecksumSidecar.identity(
            Files.readAttributes(artifacts("run-1").resolve("db.json"), BasicFileAttributes.class));
    Files.writeString(sidecar, stored.sha256().substring(0, 30));
    assertThat(store.stat("run-1", "db")).contains(stored);
    Files.writeString(sidecar, "0".repeat(64) + "\n" + identity.substring(0, 5));
    assertThat(store.stat("run-1", "db")).contains(stored);
  }

  @Test
  void storesOpenedOnTheSameDirectoryByConcurrentWritersKeepOneArtifact() throws Exception {
    int writers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<StoredArtifact>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        FileSystemArtifactStore store = open();
        GeneratedBytes content = new GeneratedBytes(i, 100_000 + i);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.save("run-1", "db", content);
                }));
      }
      start.countDown();
      Set<StoredArtifact> stored = new HashSet<>();
      for (Future<StoredArtifact> result : results) {
        stored.add(result.get(60, TimeUnit.SECONDS));
      }

      assertThat(stored).hasSize(1);
      assertThat(open().stat("run-1", "db")).contains(stored.iterator().next());
      try (Stream<Path> files = Files.list(artifacts("run-1"))) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .containsExactlyInAnyOrder("db.json", "db.json.sha256");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSmallArtifactHasNoSidecarAndItsChecksumComesFromItsBytes() throws IOException {
    FileSystemArtifactStore store = open();
    StoredArtifact stored = store.save("run-1", "db", out -> out.write("{}".getBytes(UTF_8)));

    assertThat(ChecksumSidecar.of(artifacts("run-1").resolve("db.json"))).doesNotExist();
    Files.writeString(artifacts("run-1").resolve("db.json"), "[]");
    assertThat(store.stat("run-1", "db").orElseThrow().sha256())
        .isNotEqualTo(stored.sha256())
        .isEqualTo(GeneratedBytes.sha256Of("[]".getBytes(UTF_8)));
  }

  @Test
  void deleteRemovesTheChecksumSidecarToo() {
    FileSystemArtifactStore store = open();
    store.save("run-1", "db", new GeneratedBytes(1, ChecksumSidecar.MIN_SIZE));
    assertThat(ChecksumSidecar.of(artifacts("run-1").resolve("db.json"))).exists();

    store.delete("run-1", "db");

    assertThat(artifacts("run-1")).isEmptyDirectory();
  }

  @Test
  void storeThatCannotBeWrittenFailsWithOneLineNamingThePath() throws IOException {
    Path notADirectory = Files.writeString(root.resolve("file"), "x");
    FileSystemArtifactStore store = new FileSystemArtifactStore(notADirectory);

    assertThatThrownBy(() -> store.save("run-1", "db", out -> out.write(1)))
        .isInstanceOf(WctException.class)
        .satisfies(e -> assertThat(((WctException) e).kind()).isEqualTo(ErrorKind.EXTERNAL))
        .hasMessageContaining(notADirectory.toString())
        .hasMessageNotContaining("\n");
  }

  @Test
  void relativeRootIsReportedAsAnAbsoluteLocation() {
    FileSystemArtifactStore store =
        new FileSystemArtifactStore(FileSystemArtifactStore.DEFAULT_ROOT);

    assertThat(Path.of(store.location("run-1", "db")))
        .isAbsolute()
        .endsWithRaw(Path.of(".wct", "runs", "run-1", "artifacts", "db.json"));
  }

  /**
   * The record is written after the artifact's publication: a publication that fails (here the temp
   * file vanished, as a crash before the link would leave it) writes no record either.
   */
  @Test
  void aRecordIsNeverPublishedWhenItsArtifactIsNot() throws IOException {
    FileSystemArtifactStore store = open();
    List<String> described = new ArrayList<>();

    assertThatThrownBy(
            () ->
                store.saveWithRecord(
                    "run-1",
                    "db",
                    out -> {
                      out.write("{}".getBytes(UTF_8));
                      try (Stream<Path> temps = Files.list(artifacts("run-1"))) {
                        for (Path temp : temps.filter(DurableFiles::isTempFile).toList()) {
                          Files.delete(temp);
                        }
                      }
                    },
                    "artifacts/db.json",
                    written -> {
                      described.add(written.sha256());
                      return written.sha256().getBytes(UTF_8);
                    }))
        .isInstanceOf(WctException.class);

    assertThat(described).isEmpty();
    assertThat(store.exists("run-1", "db")).isFalse();
    assertThat(store.readRecord("run-1", "artifacts/db.json")).isEmpty();
    try (Stream<Path> left = Files.walk(root.resolve("runs"))) {
      assertThat(left.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void anArtifactPublishedMeanwhileByAnotherWriterIsTheOneItsRecordDescribes() {
    FileSystemArtifactStore store = open();
    byte[] other = "{\"writer\":\"other\"}".getBytes(UTF_8);
    List<String> described = new ArrayList<>();

    StoredArtifact stored =
        store.saveWithRecord(
            "run-1",
            "db",
            out -> {
              out.write("{\"writer\":\"this\"}".getBytes(UTF_8));
              store.save("run-1", "db", otherOut -> otherOut.write(other));
            },
            "artifacts/db.json",
            written -> {
              described.add(written.sha256());
              return written.sha256().getBytes(UTF_8);
            });

    assertThat(stored.sha256()).isEqualTo(GeneratedBytes.sha256Of(other));
    assertThat(described).last().isEqualTo(GeneratedBytes.sha256Of(other));
    assertThat(store.readRecord("run-1", "artifacts/db.json"))
        .hasValue(GeneratedBytes.sha256Of(other).getBytes(UTF_8));
    try (Stream<Path> left = Files.walk(root.resolve("runs"))) {
      assertThat(left.filter(DurableFiles::isTempFile)).isEmpty();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

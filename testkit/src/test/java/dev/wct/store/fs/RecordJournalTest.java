package dev.wct.store.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's per-artifact records in one append-only file: the last whole entry of a name wins, what a
 * crash tears is skipped, and writers sharing the file (threads, other store instances) lose
 * nothing.
 */
class RecordJournalTest {
  @TempDir Path dir;

  private Path systemDir() {
    return dir.resolve("runs/run-1/_system");
  }

  private RecordJournal open() {
    return new RecordJournal(systemDir(), new KnownFolders());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  @Test
  void theLastVersionOfARecordIsTheOneRead() throws IOException {
    RecordJournal journal = open();
    journal.append("artifacts/db.json", bytes("{\"state\":\"RUNNING\"}"), false);
    journal.append("artifacts/pii.json", bytes("{\"state\":\"PENDING\"}"), false);
    journal.append("artifacts/db.json", bytes("{\"state\":\"SUCCEEDED\"}"), true);

    assertThat(journal.read("artifacts/db.json")).hasValue(bytes("{\"state\":\"SUCCEEDED\"}"));
    assertThat(journal.read("artifacts/pii.json")).hasValue(bytes("{\"state\":\"PENDING\"}"));
    assertThat(journal.read("artifacts/none.json")).isEmpty();
    assertThat(journal.names("artifacts/"))
        .containsExactly("artifacts/db.json", "artifacts/pii.json");
    assertThat(journal.names("coverage/")).isEmpty();
  }

  @Test
  void anEmptyRecordIsARecord() throws IOException {
    RecordJournal journal = open();
    journal.append("partitions/db/done/0", new byte[0], false);

    assertThat(journal.read("partitions/db/done/0")).hasValue(new byte[0]);
    assertThat(journal.names("partitions/db/done/")).containsExactly("partitions/db/done/0");
  }

  @Test
  void aReaderSeesWhatIsAppendedAfterItsLastRead() throws IOException {
    RecordJournal writer = open();
    RecordJournal reader = open();
    writer.append("artifacts/a.json", bytes("1"), false);
    assertThat(reader.names("")).containsExactly("artifacts/a.json");

    writer.append("artifacts/b.json", bytes("2"), false);
    writer.append("artifacts/a.json", bytes("3"), false);

    assertThat(reader.names("")).containsExactly("artifacts/a.json", "artifacts/b.json");
    assertThat(reader.read("artifacts/a.json")).hasValue(bytes("3"));
  }

  @Test
  void aTornEntryAtTheEndIsIgnoredAndTheEntriesAfterItAreRead() throws IOException {
    RecordJournal journal = open();
    journal.append("artifacts/a.json", bytes("{\"v\":1}"), false);
    journal.close();
    byte[] whole = Files.readAllBytes(journal.file());
    journal.append("artifacts/a.json", bytes("{\"v\":2,\"padding\":\"xxxxxxxxxxxxxxxx\"}"), false);
    journal.close();
    byte[] withSecond = Files.readAllBytes(journal.file());
    // a crash in the middle of the second entry: its first half reached the disk
    int torn = whole.length + (withSecond.length - whole.length) / 2;
    Files.write(journal.file(), java.util.Arrays.copyOf(withSecond, torn));

    RecordJournal afterCrash = open();
    assertThat(afterCrash.read("artifacts/a.json")).hasValue(bytes("{\"v\":1}"));

    // once more follows, the torn entry is known to be damaged: its record's content is unknown
    afterCrash.append("artifacts/b.json", bytes("{\"v\":3}"), false);
    RecordJournal later = open();
    assertThatThrownBy(() -> later.read("artifacts/a.json"))
        .isInstanceOf(RecordJournal.DamagedRecordException.class)
        .hasMessageContaining("artifacts/a.json");
    assertThat(later.read("artifacts/b.json")).hasValue(bytes("{\"v\":3}"));
    assertThat(afterCrash.read("artifacts/b.json")).hasValue(bytes("{\"v\":3}"));
    assertThatThrownBy(() -> afterCrash.read("artifacts/a.json"))
        .isInstanceOf(RecordJournal.DamagedRecordException.class);

    afterCrash.append("artifacts/a.json", bytes("{\"v\":4}"), false);
    assertThat(later.read("artifacts/a.json")).hasValue(bytes("{\"v\":4}"));
  }

  @Test
  void aRecordWhoseLastEntryChangedIsDamagedAndTheOthersAreRead() throws IOException {
    RecordJournal journal = open();
    journal.append("artifacts/a.json", bytes("{\"v\":1}"), false);
    journal.append("artifacts/a.json", bytes("{\"v\":2}"), false);
    journal.append("artifacts/b.json", bytes("{\"v\":3}"), false);
    journal.close();
    String text = Files.readString(journal.file());
    Files.writeString(journal.file(), text.replace("{\"v\":2}", "{\"v\":9}"));

    RecordJournal reader = open();
    assertThatThrownBy(() -> reader.read("artifacts/a.json"))
        .isInstanceOf(RecordJournal.DamagedRecordException.class);
    assertThat(reader.read("artifacts/b.json")).hasValue(bytes("{\"v\":3}"));
    assertThat(reader.names("")).containsExactly("artifacts/a.json", "artifacts/b.json");
  }

  @Test
  void garbageBetweenEntriesIsSkipped() throws IOException {
    RecordJournal journal = open();
    journal.append("artifacts/a.json", bytes("{\"v\":1}"), false);
    journal.close();
    // zeros, as a power loss can leave where an unsynced append was, then a header cut short
    Files.write(journal.file(), new byte[64], StandardOpenOption.APPEND);
    Files.write(journal.file(), bytes("\u001e12 abc"), StandardOpenOption.APPEND);
    journal.append("artifacts/b.json", bytes("{\"v\":2}"), false);

    RecordJournal reader = open();
    assertThat(reader.names("")).containsExactly("artifacts/a.json", "artifacts/b.json");
    assertThat(reader.read("artifacts/b.json")).hasValue(bytes("{\"v\":2}"));
  }

  @Test
  void concurrentWritersThroughSeveralJournalsOnOneFileLoseNothing() throws Exception {
    List<RecordJournal> writers = List.of(open(), open(), open());
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        RecordJournal writer = writers.get(t % writers.size());
        int thread = t;
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 300; i++) {
                    writer.append(
                        "artifacts/t" + thread + "-" + i + ".json",
                        bytes("{\"thread\":" + thread + ",\"i\":" + i + "}"),
                        i % 50 == 0);
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdown();
    }

    RecordJournal reader = open();
    assertThat(reader.names("artifacts/")).hasSize(6 * 300);
    for (int thread : IntStream.range(0, 6).toArray()) {
      assertThat(reader.read("artifacts/t" + thread + "-299.json"))
          .hasValue(bytes("{\"thread\":" + thread + ",\"i\":299}"));
    }
  }

  @Test
  void aJournalDeletedBehindItsBackIsStartedAgain() throws IOException {
    RecordJournal journal = open();
    journal.append("artifacts/a.json", bytes("1"), false);
    assertThat(journal.read("artifacts/a.json")).isPresent();

    try (var files = Files.walk(dir.resolve("runs"))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertThat(journal.read("artifacts/a.json")).isEmpty();

    journal.append("artifacts/b.json", bytes("2"), true);
    assertThat(journal.names("")).containsExactly("artifacts/b.json");
    assertThat(open().read("artifacts/b.json")).hasValue(bytes("2"));
  }

  @Test
  void aWriterWhoseJournalWasDeletedAndMadeAgainByAnotherWritesIntoTheNewOne() throws IOException {
    RecordJournal first = open();
    first.append("artifacts/a.json", bytes("1"), false);
    Files.delete(first.file());
    RecordJournal second = open();
    second.append("artifacts/b.json", bytes("2"), false);

    first.append("artifacts/c.json", bytes("3"), false);
    first.appendArtifact("d", bytes("4"), "artifacts/d.json", bytes("5"));

    RecordJournal reader = open();
    assertThat(reader.names(""))
        .containsExactly("artifacts/b.json", "artifacts/c.json", "artifacts/d.json");
    assertThat(reader.readArtifact("d")).hasValue(bytes("4"));
  }

  @Test
  void aNameTooLongToBeFoundAgainIsRefusedAndLongNamesBelowThatAreKept() throws IOException {
    RecordJournal journal = open();
    String longest = "coverage/" + "a".repeat(200) + "/" + "b".repeat(200) + "/p000001.json";
    journal.append(longest, bytes("{}"), false);
    assertThat(open().read(longest)).hasValue(bytes("{}"));

    String tooLong = "x/".repeat(RecordJournal.MAX_HEADER / 2) + "y";
    assertThatThrownBy(() -> journal.append(tooLong, bytes("{}"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too long");
  }

  @Test
  void theJournalIsReadableByItsOwnerOnly() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    RecordJournal journal = open();
    journal.append("artifacts/a.json", bytes("1"), false);

    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(journal.file())))
        .isEqualTo("rw-------");
  }
}

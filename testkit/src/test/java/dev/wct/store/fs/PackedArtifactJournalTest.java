package dev.wct.store.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small artifacts packed into a run's record journal: the first whole entry of an artifact is the
 * artifact (as the first hard link to a file is), a torn one never counts, and a deletion leaves
 * none of its bytes in the file.
 */
class PackedArtifactJournalTest {
  @TempDir Path dir;

  private RecordJournal open() {
    return new RecordJournal(dir.resolve("runs/run-1/_system"), new KnownFolders());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, UTF_8).contains(needle);
  }

  @Test
  void theFirstWriterOfAnArtifactKeepsItWhicheverJournalTheOthersWriteThrough() throws IOException {
    RecordJournal first = open();
    RecordJournal second = open();

    assertThat(first.appendArtifact("db", bytes("{\"first\":1}"), null, null)).isEmpty();
    assertThat(second.appendArtifact("db", bytes("{\"second\":2}"), null, null))
        .hasValue(bytes("{\"first\":1}"));
    // a writer that raced past the check: its entry is in the file but is not the artifact
    second.append(RecordJournal.ARTIFACT + "db", bytes("{\"third\":3}"), false);

    RecordJournal reader = open();
    assertThat(reader.readArtifact("db")).hasValue(bytes("{\"first\":1}"));
    assertThat(reader.artifactIds()).containsExactly("db");
    // packed artifacts are not records
    assertThat(reader.names("")).isEmpty();
  }

  @Test
  void anArtifactAndItsRecordAreOneWriteAndAnArtifactHeldAlreadyWritesNeither() throws IOException {
    RecordJournal journal = open();
    assertThat(journal.appendArtifact("db", bytes("{\"n\":1}"), "artifacts/db.json", bytes("one")))
        .isEmpty();
    long size = Files.size(journal.file());

    assertThat(open().appendArtifact("db", bytes("{\"n\":2}"), "artifacts/db.json", bytes("two")))
        .hasValue(bytes("{\"n\":1}"));

    assertThat(Files.size(journal.file())).isEqualTo(size);
    assertThat(open().read("artifacts/db.json")).hasValue(bytes("one"));
    assertThat(open().names("")).containsExactly("artifacts/db.json");
  }

  @Test
  void writersRacingThroughSeveralJournalsAgreeOnWhichEntryIsEachArtifact() throws Exception {
    RecordJournal[] journals = {open(), open()};
    int writers = 8;
    int artifacts = 150;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Map<String, byte[]>>> told = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        RecordJournal journal = journals[w % 2];
        int writer = w;
        told.add(
            pool.submit(
                () -> {
                  // every artifact is written by two writers with different content
                  Map<String, byte[]> kept = new HashMap<>();
                  for (int i = writer % 2; i < artifacts; i += 2) {
                    String id = "a" + (i * 4 + writer / 2) % artifacts;
                    byte[] mine = bytes("{\"writer\":" + writer + ",\"id\":\"" + id + "\"}");
                    Optional<byte[]> earlier =
                        journal.appendArtifact(id, mine, "artifacts/" + id + ".json", mine);
                    kept.put(id, earlier.orElse(mine));
                  }
                  return kept;
                }));
      }
      List<Map<String, byte[]>> answers = new ArrayList<>();
      for (Future<Map<String, byte[]>> writer : told) {
        answers.add(writer.get());
      }
      RecordJournal reader = open();
      Map<String, byte[]> stored = new HashMap<>();
      for (String id : reader.artifactIds()) {
        stored.put(id, reader.readArtifact(id).orElseThrow());
      }
      for (Map<String, byte[]> answer : answers) {
        answer.forEach(
            (id, kept) -> assertThat(stored.get(id)).as("artifact %s", id).isEqualTo(kept));
      }
      assertThat(stored).hasSize(artifacts);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDeletedArtifactLeavesNoneOfItsBytesInTheFileAndCanBeStoredAgain() throws IOException {
    RecordJournal journal = open();
    journal.append("artifacts/db.json", bytes("{\"state\":\"SUCCEEDED\"}"), false);
    journal.appendArtifact("db", bytes("{\"email\":\"planted.alice@example.org\"}"), null, null);
    open()
        .append(
            RecordJournal.ARTIFACT + "db", bytes("{\"email\":\"planted.bob@example.org\"}"), false);
    journal.appendArtifact("other", bytes("{\"kept\":true}"), null, null);

    assertThat(journal.deleteArtifacts(List.of("db", "none"), false)).isEqualTo(1);

    byte[] file = Files.readAllBytes(journal.file());
    assertThat(contains(file, "planted")).as("scrubbed bytes").isFalse();
    for (RecordJournal reader : new RecordJournal[] {journal, open()}) {
      assertThat(reader.readArtifact("db")).isEmpty();
      assertThat(reader.artifactIds()).containsExactly("other");
      assertThat(reader.readArtifact("other")).hasValue(bytes("{\"kept\":true}"));
      assertThat(reader.read("artifacts/db.json")).hasValue(bytes("{\"state\":\"SUCCEEDED\"}"));
    }
    assertThat(journal.deleteArtifacts(List.of("none"), false)).isZero();

    assertThat(journal.appendArtifact("db", bytes("{\"again\":1}"), null, null)).isEmpty();
    assertThat(open().readArtifact("db")).hasValue(bytes("{\"again\":1}"));
  }

  @Test
  void aReaderThatIndexedAnArtifactBeforeItsDeletionDoesNotReadTheScrubbedBytes()
      throws IOException {
    RecordJournal writer = open();
    writer.appendArtifact("db", bytes("{\"n\":1}"), null, null);
    RecordJournal reader = open();
    assertThat(reader.artifactIds()).containsExactly("db");

    writer.deleteArtifacts(List.of("db"), false);

    assertThat(reader.readArtifact("db")).isEmpty();
  }

  @Test
  void aTornArtifactEntryIsNotTheArtifactAndARetryStoresItAgain() throws IOException {
    RecordJournal journal = open();
    journal.append("artifacts/a.json", bytes("{}"), false);
    journal.close();
    long before = Files.size(journal.file());
    journal.appendArtifact("db", bytes("{\"items\":[\"" + "x".repeat(200) + "\"]}"), null, null);
    journal.close();
    byte[] whole = Files.readAllBytes(journal.file());
    Files.write(journal.file(), Arrays.copyOf(whole, (int) (before + (whole.length - before) / 2)));

    RecordJournal afterCrash = open();
    assertThat(afterCrash.readArtifact("db")).isEmpty();
    assertThat(afterCrash.appendArtifact("db", bytes("{\"retried\":true}"), null, null)).isEmpty();

    RecordJournal later = open();
    assertThat(later.readArtifact("db")).hasValue(bytes("{\"retried\":true}"));
    // the torn entry still held scanned bytes: a deletion scrubs it too
    later.deleteArtifacts(List.of("db"), false);
    assertThat(contains(Files.readAllBytes(journal.file()), "xxxx")).isFalse();
  }

  @Test
  void aJournalLargerThanOneReadWindowAndAnEntryLargerThanItAreReadWhole() throws IOException {
    RecordJournal writer = open();
    byte[] kilobyte = bytes("{\"p\":\"" + "k".repeat(1010) + "\"}");
    for (int i = 0; i < 3000; i++) {
      writer.append("partitions/db/done/" + i, kilobyte, false);
    }
    byte[] large = bytes("{\"p\":\"" + "m".repeat(3 << 20) + "\"}");
    writer.append("coverage/db.json", large, false);
    writer.appendArtifact("db", bytes("{\"last\":true}"), null, null);

    RecordJournal reader = open();
    assertThat(reader.names("partitions/db/done/")).hasSize(3000);
    assertThat(reader.read("partitions/db/done/2999")).hasValue(kilobyte);
    assertThat(reader.read("coverage/db.json")).hasValue(large);
    assertThat(reader.readArtifact("db")).hasValue(bytes("{\"last\":true}"));
  }
}

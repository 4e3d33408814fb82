package dev.wct.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.run.PartitionManifest;
import dev.wct.spi.json.Json;
import dev.wct.store.ArtifactStore;
import dev.wct.store.StoredArtifact;
import dev.wct.workflows.run.RunbookWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A partitioned scan for worker processes: generated text files with personal data, a runbook that
 * cuts them into partitions and runs {@code personal_data} per partition, and what a finished run
 * left: who produced each partition (from the block workflows' histories) and whether every
 * partition matches its SHA-256.
 */
final class PartitionedScan {
  private PartitionedScan() {}

  /**
   * Writes {@code files} text files of about {@code bytesPerFile} bytes, each with an email address
   * and a phone number among filler lines, under {@code data}.
   */
  static void generate(Path data, int files, int bytesPerFile) throws Exception {
    Files.createDirectories(data);
    String filler = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod\n";
    for (int i = 0; i < files; i++) {
      Path dir = data.resolve(String.format("d%03d", i / 1000));
      Files.createDirectories(dir);
      try (OutputStream out = Files.newOutputStream(dir.resolve(String.format("f%06d.txt", i)))) {
        byte[] head =
            ("customer "
                    + i
                    + "\nemail: person"
                    + i
                    + "@example.com\nphone: +44 20 7946 0"
                    + String.format("%03d", i % 1000)
                    + "\n")
                .getBytes(StandardCharsets.UTF_8);
        out.write(head);
        byte[] line = filler.getBytes(StandardCharsets.UTF_8);
        for (long written = head.length; written < bytesPerFile; written += line.length) {
          out.write(line);
        }
      }
    }
  }

  /** {@code files} cut by {@code partition}, and {@code personal_data} per partition. */
  static String runbook(Path data, String partition, int maxConcurrency) {
    return """
        name: partitioned scan
        description: files cut into partitions, scanned per partition on any worker
        config:
          max_concurrency: %d
          keep_sources: true
        artifacts:
          files:
            source:
              type: filesystem
              properties:
                path: "%s"
                max_files: 10000000
            partition: %s
          pii:
            inputs: files
            process:
              type: personal_data
            output: true
        """
        .formatted(maxConcurrency, data.toString().replace('\\', '/'), partition);
  }

  /** Partition activities started per worker identity, over every block of the artifact's group. */
  static Map<String, Integer> partitionsByIdentity(
      WorkflowClient client, String runId, String artifactId) {
    String group = RunbookWorkflow.workflowId(runId) + "/partitions/" + artifactId;
    Map<String, Integer> byIdentity = new TreeMap<>();
    for (int block = 0; ; block++) {
      Iterable<HistoryEvent> events;
      try {
        events = client.fetchHistory(group + "/block-" + block).getEvents();
      } catch (RuntimeException noSuchBlock) {
        return byIdentity;
      }
      for (HistoryEvent event : events) {
        if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
          byIdentity.merge(
              event.getActivityTaskStartedEventAttributes().getIdentity(), 1, Integer::sum);
        }
      }
    }
  }

  /** Checks every partition of a sealed source against its manifest; returns the count. */
  static int assertPartitionsIntact(ArtifactStore store, String runId, String artifactId)
      throws Exception {
    PartitionManifest manifest;
    try (InputStream in = store.read(runId, artifactId)) {
      manifest = Json.mapper().readValue(in, PartitionManifest.class);
    }
    for (PartitionManifest.Part part : manifest.partitions()) {
      StoredArtifact stat = store.stat(runId, part.id()).orElseThrow();
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = store.read(runId, part.id())) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha.update(buffer, 0, n);
        }
      }
      String actual = HexFormat.of().formatHex(sha.digest());
      assertThat(actual).as(part.id()).isEqualTo(part.sha256()).isEqualTo(stat.sha256());
      assertThat(stat.sizeBytes()).as(part.id()).isEqualTo(part.sizeBytes());
    }
    return manifest.partitions().size();
  }
}

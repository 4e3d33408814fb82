package dev.wct.core.run;

import dev.wct.spi.message.SchemaRef;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a partitioned artifact's key holds once every partition is stored: the partitions, each with
 * the size and SHA-256 its readers check. Its own checksum is the artifact's claim check.
 *
 * @param partitionsOf the artifact; first in the JSON, so readers tell a manifest from a message
 * @param runId the run whose store holds the partitions (a reused manifest still names it)
 * @param itemCount items in all partitions
 * @param sizeBytes bytes of all partitions
 */
public record PartitionManifest(
    String partitionsOf,
    String runId,
    SchemaRef schema,
    int count,
    long itemCount,
    long sizeBytes,
    List<Part> partitions) {
  private static final byte[] MARK = "{\"partitionsOf\":".getBytes(StandardCharsets.UTF_8);

  /** The length of the prefix {@link #isManifest} needs. */
  public static final int MARK_LENGTH = MARK.length;

  public PartitionManifest {
    Objects.requireNonNull(partitionsOf, "partitionsOf");
    Objects.requireNonNull(runId, "runId");
    partitions = List.copyOf(partitions);
    if (partitions.size() != count) {
      throw new IllegalArgumentException(
          "manifest of " + partitionsOf + " lists " + partitions.size() + " of " + count);
    }
  }

  /** One stored partition: its artifact id in the store, size and checksum. */
  public record Part(String id, long sizeBytes, String sha256) {}

  /** True if stored bytes starting with {@code head} are a manifest rather than a message. */
  public static boolean isManifest(byte[] head) {
    return head.length >= MARK.length && Arrays.equals(Arrays.copyOf(head, MARK.length), MARK);
  }
}

package dev.wct.activities.producer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.core.message.MessageReader;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.PartitionManifest;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.MessageHeader;
import dev.wct.store.ArtifactStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The inputs of a producer, opened from the store by their claim checks and streamed once. The
 * bytes are hashed as they are read; {@link #verify()} proves they are the bytes the claim check
 * names. A partitioned input (its key holds a {@link PartitionManifest}) reads as one message: the
 * items of all its partitions in order, each partition checked against the manifest.
 */
final class InputArtifacts implements AutoCloseable {
  private final List<Checked> inputs = new ArrayList<>();
  private final List<ContentReader> readers = new ArrayList<>();

  private InputArtifacts() {}

  static InputArtifacts open(ArtifactStore store, ObjectMapper json, List<ArtifactRef> refs) {
    InputArtifacts inputs = new InputArtifacts();
    try {
      for (ArtifactRef ref : refs) {
        Checked in = Checked.open(store, ref.runId(), ref.artifactId(), ref.key(), ref.sha256());
        inputs.inputs.add(in);
        if (in.isManifest()) {
          PartitionManifest manifest =
              json.readValue(in.readAllAndVerify(), PartitionManifest.class);
          inputs.readers.add(new PartitionedReader(store, json, manifest.runId(), manifest));
        } else {
          inputs.readers.add(MessageReader.open(json, in.in()));
        }
      }
      return inputs;
    } catch (IOException e) {
      inputs.close();
      throw WctException.external("cannot read a partition manifest", e);
    } catch (RuntimeException e) {
      inputs.close();
      throw e;
    }
  }

  List<ContentReader> readers() {
    return List.copyOf(readers);
  }

  /**
   * Reads what the producer left unread and compares every input's SHA-256 with its claim check
   * (and every partition's with its manifest).
   */
  void verify() {
    for (ContentReader reader : readers) {
      if (reader instanceof PartitionedReader partitioned) {
        partitioned.drain();
      }
    }
    for (Checked in : List.copyOf(inputs)) {
      in.verify();
    }
  }

  @Override
  public void close() {
    for (ContentReader reader : readers) {
      try {
        reader.close();
      } catch (UncheckedIOException ignored) {
        // closing a reader we are done with: nothing to recover
      }
    }
    for (Checked in : inputs) {
      in.close();
    }
  }

  /** A stored object being read and hashed, with the checksum it must have. */
  private static final class Checked {
    private final String key;
    private final String sha256;
    private final DigestInputStream stream;
    private final BufferedInputStream buffered;
    private boolean verified;

    private Checked(String key, String sha256, InputStream raw) {
      this.key = key;
      this.sha256 = sha256;
      this.stream = new DigestInputStream(raw, sha256());
      this.buffered = new BufferedInputStream(stream);
    }

    static Checked open(ArtifactStore store, String runId, String id, String key, String sha256) {
      return new Checked(key, sha256, store.read(runId, id));
    }

    boolean isManifest() throws IOException {
      buffered.mark(PartitionManifest.MARK_LENGTH);
      byte[] head = buffered.readNBytes(PartitionManifest.MARK_LENGTH);
      buffered.reset();
      return PartitionManifest.isManifest(head);
    }

    byte[] readAllAndVerify() throws IOException {
      byte[] all = buffered.readAllBytes();
      verify();
      return all;
    }

    InputStream in() {
      return buffered;
    }

    void verify() {
      if (verified) {
        return;
      }
      try {
        buffered.transferTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        throw WctException.external("cannot read input " + key, e);
      }
      String actual = HexFormat.of().formatHex(stream.getMessageDigest().digest());
      if (!actual.equals(sha256)) {
        throw new WctException(
            ErrorKind.EXTERNAL,
            "input "
                + key
                + " does not match its checksum (stored bytes changed): sha256 "
                + actual
                + ", expected "
                + sha256);
      }
      verified = true;
    }

    void close() {
      try {
        buffered.close();
      } catch (IOException ignored) {
        // as above
      }
    }
  }

  /** The partitions of a manifest read one after the other as one message. */
  private static final class PartitionedReader implements ContentReader {
    private final ArtifactStore store;
    private final ObjectMapper json;
    private final String runId;
    private final PartitionManifest manifest;
    private int next;
    private MessageReader current;
    private Checked currentBytes;
    private final MessageHeader header;
    private final ObjectNode fields;
    private ObjectNode trailer;

    PartitionedReader(
        ArtifactStore store, ObjectMapper json, String runId, PartitionManifest manifest) {
      this.store = store;
      this.json = json;
      this.runId = runId;
      this.manifest = manifest;
      advance();
      // The artifact's id, not its first partition's: readers name places by it, as when whole.
      MessageHeader first = current.header();
      this.header =
          new MessageHeader(
              manifest.partitionsOf(),
              first.schema(),
              first.runId(),
              first.source(),
              first.timestamp(),
              first.execution());
      this.fields = current.fields();
    }

    /** Opens the next partition; false when there is none. */
    private boolean advance() {
      if (current != null) {
        trailer = current.trailer();
        currentBytes.verify();
        current.close();
        current = null;
      }
      if (next >= manifest.partitions().size()) {
        return false;
      }
      PartitionManifest.Part part = manifest.partitions().get(next++);
      Checked in =
          Checked.open(
              store,
              runId,
              part.id(),
              "runs/" + runId + "/artifacts/" + part.id() + ".json",
              part.sha256());
      currentBytes = in;
      current = MessageReader.open(json, in.in());
      return true;
    }

    @Override
    public MessageHeader header() {
      return header;
    }

    @Override
    public ObjectNode fields() {
      return fields;
    }

    @Override
    public Iterator<JsonNode> items() {
      return new Iterator<>() {
        private Iterator<JsonNode> items = current.items();

        @Override
        public boolean hasNext() {
          while (!items.hasNext()) {
            if (!advance()) {
              return false;
            }
            items = current.items();
          }
          return true;
        }

        @Override
        public JsonNode next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return items.next();
        }
      };
    }

    /** Opens the partitions the reader never reached, so that their checksums are verified. */
    void drain() {
      while (advance()) {
        // advance() verifies the partition it leaves
      }
    }

    @Override
    public ObjectNode trailer() {
      return trailer != null ? trailer : json.createObjectNode();
    }

    @Override
    public void close() {
      if (current != null) {
        current.close();
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

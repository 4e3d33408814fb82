package dev.wct.activities.producer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wct.core.message.MessageReader;
import dev.wct.core.run.ArtifactRef;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.message.ContentReader;
import dev.wct.store.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The inputs of a producer, opened from the store by their claim checks and streamed once. The
 * bytes are hashed as they are read; {@link #verify()} proves they are the bytes the claim check
 * names.
 */
final class InputArtifacts implements AutoCloseable {
  private final List<ArtifactRef> refs;
  private final List<DigestInputStream> streams = new ArrayList<>();
  private final List<ContentReader> readers = new ArrayList<>();

  private InputArtifacts(List<ArtifactRef> refs) {
    this.refs = refs;
  }

  static InputArtifacts open(ArtifactStore store, ObjectMapper json, List<ArtifactRef> refs) {
    InputArtifacts inputs = new InputArtifacts(refs);
    try {
      for (ArtifactRef ref : refs) {
        DigestInputStream in =
            new DigestInputStream(store.read(ref.runId(), ref.artifactId()), sha256());
        inputs.streams.add(in);
        inputs.readers.add(MessageReader.open(json, in));
      }
      return inputs;
    } catch (RuntimeException e) {
      inputs.close();
      throw e;
    }
  }

  List<ContentReader> readers() {
    return List.copyOf(readers);
  }

  /**
   * Reads what the producer left unread and compares every input's SHA-256 with its claim check.
   */
  void verify() {
    for (int i = 0; i < refs.size(); i++) {
      DigestInputStream in = streams.get(i);
      try {
        in.transferTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        throw WctException.external("cannot read input " + refs.get(i).key(), e);
      }
      String actual = HexFormat.of().formatHex(in.getMessageDigest().digest());
      if (!actual.equals(refs.get(i).sha256())) {
        throw new WctException(
            ErrorKind.EXTERNAL,
            "input "
                + refs.get(i).key()
                + " does not match its checksum (stored bytes changed): sha256 "
                + actual
                + ", expected "
                + refs.get(i).sha256());
      }
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
    for (InputStream stream : streams) {
      try {
        stream.close();
      } catch (IOException ignored) {
        // as above
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

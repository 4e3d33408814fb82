package dev.wct.testkit.store;

import dev.wct.store.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Deterministic pseudo-random bytes produced in chunks, so tests can stream large artifacts and
 * know their checksum without holding them in memory.
 */
public final class GeneratedBytes implements ArtifactStore.Content {
  private static final int CHUNK = 64 * 1024;

  private final long seed;
  private final long size;

  public GeneratedBytes(long seed, long size) {
    this.seed = seed;
    this.size = size;
  }

  public long size() {
    return size;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] chunk = new byte[CHUNK];
    for (long written = 0; written < size; written += CHUNK) {
      random.nextBytes(chunk);
      out.write(chunk, 0, (int) Math.min(CHUNK, size - written));
    }
  }

  /** The SHA-256 of these bytes, computed by generating them again. */
  public String sha256() throws IOException {
    MessageDigest digest = newDigest();
    writeTo(
        new OutputStream() {
          @Override
          public void write(int b) {
            digest.update((byte) b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
          }
        });
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Reads a stream to its end and returns the SHA-256 of what it held. */
  public static String sha256Of(InputStream in) throws IOException {
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[CHUNK];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  public static String sha256Of(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

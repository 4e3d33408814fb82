package dev.wct.store.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes an object's bytes through and, at their end, fails the read if their SHA-256 is not the
 * one recorded when the object was saved: a reader never mistakes a corrupt download for a whole
 * artifact.
 */
final class VerifyingInputStream extends FilterInputStream {
  private final String expectedSha256;
  private final String location;
  private final MessageDigest digest;
  private boolean verified;

  VerifyingInputStream(InputStream in, String expectedSha256, String location) {
    super(in);
    this.expectedSha256 = expectedSha256;
    this.location = location;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
    } else if (n < 0) {
      verify();
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(n, 8192)];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void verify() throws IOException {
    if (verified) {
      return;
    }
    verified = true;
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(expectedSha256)) {
      throw new IOException(
          "checksum mismatch reading "
              + location
              + ": stored SHA-256 "
              + expectedSha256
              + ", downloaded "
              + actual);
    }
  }
}

package dev.wct.store.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Collects an artifact of unknown length, hashing it as it comes: in memory up to a limit, then in
 * a temp file, so that the size and SHA-256 are known before the upload starts (S3 takes user
 * metadata only when an object or multipart upload is created) without holding large artifacts in
 * memory.
 */
final class Spool implements AutoCloseable {
  private final int memoryLimit;
  private final MessageDigest digest;
  private ByteArrayOutputStream memory = new ByteArrayOutputStream();
  private Path file;
  private OutputStream fileOut;
  private long size;

  Spool(int memoryLimit) {
    this.memoryLimit = memoryLimit;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The stream a producer writes to; closing it does nothing. */
  OutputStream stream() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        append(b, off, len);
      }
    };
  }

  private void append(byte[] b, int off, int len) throws IOException {
    digest.update(b, off, len);
    size += len;
    if (fileOut == null && memory.size() + len > memoryLimit) {
      file = Files.createTempFile("wct-s3-", ".spool");
      fileOut = Files.newOutputStream(file);
      memory.writeTo(fileOut);
      memory = null;
    }
    if (fileOut != null) {
      fileOut.write(b, off, len);
    } else {
      memory.write(b, off, len);
    }
  }

  /** Ends writing; returns the SHA-256 of everything written. */
  String finish() throws IOException {
    if (fileOut != null) {
      fileOut.close();
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  long size() {
    return size;
  }

  boolean inMemory() {
    return file == null;
  }

  byte[] bytes() {
    return memory.toByteArray();
  }

  /** The spool file, once the content outgrew memory. */
  Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    if (fileOut != null) {
      fileOut.close();
    }
    if (file != null) {
      Files.deleteIfExists(file);
    }
  }
}

package dev.wct.store.fs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Keeps what is written in memory while it fits in {@code limit} bytes, for an artifact small
 * enough to be packed into its run's record journal; moves it into a file as soon as it outgrows
 * that, and streams on into the file.
 */
final class SpillingOutputStream extends OutputStream {
  /** Opens the file to spill into. */
  interface FileOpener {
    FileChannel open() throws IOException;
  }

  private static final int FILE_BUFFER = 64 * 1024;

  private final int limit;
  private final FileOpener opener;
  private byte[] memory;
  private int count;
  private FileChannel channel;
  private OutputStream file;

  SpillingOutputStream(int limit, FileOpener opener) {
    this.limit = limit;
    this.opener = opener;
    this.memory = new byte[Math.min(limit, 512)];
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (file == null && length <= limit - count) {
      if (count + length > memory.length) {
        memory =
            Arrays.copyOf(memory, Math.min(limit, Math.max(count + length, memory.length * 2)));
      }
      System.arraycopy(bytes, offset, memory, count, length);
      count += length;
      return;
    }
    spill();
    file.write(bytes, offset, length);
  }

  /** Moves what is in memory into the file, unless that happened already. */
  void spill() throws IOException {
    if (file != null) {
      return;
    }
    channel = opener.open();
    file = new BufferedOutputStream(Channels.newOutputStream(channel), FILE_BUFFER);
    file.write(memory, 0, count);
    memory = null;
  }

  /** Everything written, if it is all in memory; null once it went into the file. */
  byte[] inMemory() {
    return file == null ? Arrays.copyOf(memory, count) : null;
  }

  /** The bytes written so far, all flushed into the file if there is one. */
  long size() throws IOException {
    if (file == null) {
      return count;
    }
    file.flush();
    return channel.position();
  }

  /** Syncs the file's bytes, if there is a file. */
  void force() throws IOException {
    if (file != null) {
      file.flush();
      channel.force(true);
    }
  }

  @Override
  public void flush() throws IOException {
    if (file != null) {
      file.flush();
    }
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }
}

package dev.wct.store.fs;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Hands a producer a stream it may close without closing the file before the store syncs it. */
final class UncloseableOutputStream extends FilterOutputStream {
  UncloseableOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}

package dev.wct.cli.logging;

import ch.qos.logback.core.FileAppender;
import dev.wct.cli.report.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A logback file appender whose file is readable by its owner only (0600, in a 0700 folder), like
 * everything else wct writes: a log names runs, artifacts and places that are nobody else's
 * business.
 */
public final class PrivateFileAppender<E> extends FileAppender<E> {
  @Override
  public void openFile(String fileName) throws IOException {
    PrivateFiles.createIfMissing(Path.of(fileName));
    super.openFile(fileName);
  }
}

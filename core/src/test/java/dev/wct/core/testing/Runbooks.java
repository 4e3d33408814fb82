package dev.wct.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes runbook text to files for tests. */
public final class Runbooks {
  private Runbooks() {}

  /** Writes {@code text} to {@code dir/name}, creating folders, and returns the file. */
  public static Path write(Path dir, String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A path to a fixture under {@code core/src/test/resources/runbooks}. */
  public static Path fixture(String name) {
    try {
      return Path.of(Runbooks.class.getResource("/runbooks/" + name).toURI());
    } catch (java.net.URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no fixture runbooks/" + name, e);
    }
  }
}

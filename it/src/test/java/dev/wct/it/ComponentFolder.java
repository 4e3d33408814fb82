package dev.wct.it;

import dev.wct.it.slow.SlowConnector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A class folder holding only the test source {@link SlowConnector} and its service entry, for the
 * class path of the worker and CLI processes, so that they know the component without shipping it.
 */
final class ComponentFolder {
  private ComponentFolder() {}

  static Path create(Path parent) throws IOException {
    Path folder = parent.resolve("test-components");
    String classFile = SlowConnector.class.getName().replace('.', '/') + ".class";
    Path target = folder.resolve(classFile);
    Files.createDirectories(target.getParent());
    try (InputStream in = SlowConnector.class.getClassLoader().getResourceAsStream(classFile)) {
      Files.copy(in, target);
    }
    Path services = folder.resolve("META-INF/services/dev.wct.spi.Connector");
    Files.createDirectories(services.getParent());
    Files.writeString(services, SlowConnector.class.getName() + "\n");
    return folder;
  }
}

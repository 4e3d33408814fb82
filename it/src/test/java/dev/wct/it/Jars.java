package dev.wct.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The packaged jars the tests start, as built by {@code package} before this module's tests. */
final class Jars {
  private Jars() {}

  static Path worker() {
    return existing("wct.workerJar");
  }

  static Path cli() {
    return existing("wct.cliJar");
  }

  static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  private static Path existing(String property) {
    String value = System.getProperty(property);
    assertThat(value).as("system property " + property + " (set by this module's pom)").isNotNull();
    Path jar = Path.of(value).normalize();
    assertThat(Files.isRegularFile(jar))
        .as(jar + " exists: run ./mvnw verify -Pintegration -Dgroups=integration (it packages it)")
        .isTrue();
    return jar;
  }
}

package dev.wct.activities.worker;

import dev.wct.spi.ComponentCatalog;
import dev.wct.store.ArtifactStore;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a worker needs to run producers.
 *
 * @param store where artifacts and run records live
 * @param catalog the connectors and analysers on this worker
 * @param env environment lookup for {@code ${VAR}} placeholders, null when unset
 * @param workingDirectory where relative paths in component properties resolve
 */
public record ProducerEnvironment(
    ArtifactStore store,
    ComponentCatalog catalog,
    Function<String, String> env,
    Path workingDirectory) {
  public ProducerEnvironment {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(workingDirectory, "workingDirectory");
  }
}

package dev.wct.activities.worker;

import dev.wct.activities.producer.ProducerObserver;
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
 * @param observer told what each producer attempt stored, for metrics
 */
public record ProducerEnvironment(
    ArtifactStore store,
    ComponentCatalog catalog,
    Function<String, String> env,
    Path workingDirectory,
    ProducerObserver observer) {
  public ProducerEnvironment {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(observer, "observer");
  }

  /** An environment whose producers report to no one. */
  public ProducerEnvironment(
      ArtifactStore store,
      ComponentCatalog catalog,
      Function<String, String> env,
      Path workingDirectory) {
    this(store, catalog, env, workingDirectory, ProducerObserver.NONE);
  }
}

package dev.wct.cli.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Work on a named daemon thread of its own, so that it never holds the JVM open. */
final class Background {
  private Background() {}

  static <T> CompletableFuture<T> supply(String threadName, Supplier<T> work) {
    return CompletableFuture.supplyAsync(
        work,
        task -> {
          Thread thread = new Thread(task, threadName);
          thread.setDaemon(true);
          thread.start();
        });
  }

  /** Waits for {@code future}, rethrowing its failure as it was thrown. */
  static <T> T join(CompletableFuture<T> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  static RuntimeException unwrap(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
  }
}

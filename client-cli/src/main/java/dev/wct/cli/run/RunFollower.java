package dev.wct.cli.run;

import dev.wct.activities.engine.RunHandle;
import dev.wct.core.run.ArtifactState;
import dev.wct.workflows.run.RunProgress;
import dev.wct.workflows.run.RunResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reports progress while a run goes on; cancels the run if the JVM is asked to stop. */
final class RunFollower {
  private static final long POLL_MILLIS = 200;
  private static final long CANCEL_WAIT_MILLIS = 10_000;

  private final RunHandle run;
  private final ProgressDisplay display;

  RunFollower(RunHandle run, ProgressDisplay display) {
    this.run = run;
    this.display = display;
  }

  RunResult follow() throws InterruptedException {
    CompletableFuture<RunResult> result = CompletableFuture.supplyAsync(run::awaitResult);
    Thread cancelOnExit = new Thread(() -> cancelUnlessDone(result), "wct-cancel-on-exit");
    Runtime.getRuntime().addShutdownHook(cancelOnExit);
    try {
      while (true) {
        try {
          RunResult finished = result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
          display.update(finalProgress(finished));
          display.close();
          return finished;
        } catch (TimeoutException stillRunning) {
          poll();
        } catch (ExecutionException e) {
          display.close();
          throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
      }
    } finally {
      removeHook(cancelOnExit);
    }
  }

  private void poll() {
    RunProgress progress;
    try {
      progress = run.progress();
    } catch (RuntimeException queryFailed) {
      // The workflow may be between tasks or just finished; the next tick asks again.
      return;
    }
    display.update(progress);
  }

  private void cancelUnlessDone(CompletableFuture<RunResult> result) {
    if (result.isDone()) {
      return;
    }
    System.err.println("wct: cancelling run " + run.runId() + "...");
    try {
      run.cancel();
      result.get(CANCEL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      System.err.println("wct: run " + run.runId() + " cancelled");
    } catch (Exception e) {
      System.err.println("wct: run " + run.runId() + " may still be cancelling");
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it cancels the run.
    }
  }

  private static RunProgress finalProgress(RunResult result) {
    int[] counts = new int[ArtifactState.values().length];
    result.artifacts().forEach(a -> counts[a.state().ordinal()]++);
    return new RunProgress(
        result.runId(),
        result.status(),
        counts[ArtifactState.WAITING.ordinal()],
        counts[ArtifactState.RUNNING.ordinal()],
        counts[ArtifactState.SUCCEEDED.ordinal()],
        counts[ArtifactState.FAILED.ordinal()],
        counts[ArtifactState.SKIPPED.ordinal()],
        result.artifacts());
  }
}

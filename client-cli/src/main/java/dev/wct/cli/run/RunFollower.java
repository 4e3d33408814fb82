package dev.wct.cli.run;

import dev.wct.engine.RunHandle;
import dev.wct.core.run.ArtifactState;
import dev.wct.workflows.run.RunProgress;
import dev.wct.workflows.run.RunResult;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reports progress while a run goes on, and cancels the run if the JVM is asked to stop (Ctrl-C).
 */
final class RunFollower {
  private static final long POLL_MILLIS = 200;
  private static final long CANCEL_WAIT_MILLIS = 10_000;

  private final RunHandle run;
  private final ProgressDisplay display;
  private final PrintWriter err;
  private volatile CompletableFuture<RunResult> result;

  RunFollower(RunHandle run, ProgressDisplay display, PrintWriter err) {
    this.run = run;
    this.display = display;
    this.err = err;
  }

  /** Shows progress until the run ends, and returns its result. */
  RunResult follow() throws InterruptedException {
    CompletableFuture<RunResult> result = Background.supply("wct-run-result", run::awaitResult);
    this.result = result;
    Thread cancelOnExit = new Thread(this::cancel, "wct-cancel-on-exit");
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
          throw Background.unwrap(e.getCause());
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

  /**
   * What Ctrl-C does: cancels the run unless it is over, then waits briefly for the workflow to
   * record the cancellation.
   */
  void cancel() {
    CompletableFuture<RunResult> pending = result;
    if (pending == null || pending.isDone()) {
      return;
    }
    err.println("wct: cancelling run " + run.runId() + "...");
    err.flush();
    try {
      run.cancel();
      pending.get(CANCEL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      err.println("wct: run " + run.runId() + " cancelled");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      err.println("wct: run " + run.runId() + " may still be cancelling");
    }
    err.flush();
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

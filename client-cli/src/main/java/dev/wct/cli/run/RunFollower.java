package dev.wct.cli.run;

import dev.wct.core.run.ArtifactState;
import dev.wct.engine.RunHandle;
import dev.wct.workflows.run.RunProgress;
import dev.wct.workflows.run.RunResult;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Reports progress while a run goes on. A run on the embedded service dies with this process, so
 * stopping the JVM (Ctrl-C) cancels it; a run on a cluster goes on without us, so a signal is
 * handed to a {@link SignalReaction} policy that detaches, cancels, or keeps following.
 */
public final class RunFollower {
  private static final long POLL_MILLIS = 200;
  private static final long CANCEL_WAIT_MILLIS = 10_000;

  private final RunHandle run;
  private final ProgressDisplay display;
  private final PrintWriter err;
  private final Interrupts interrupts;
  private final Function<Interrupts.Kind, SignalReaction> reaction;
  private volatile CompletableFuture<RunResult> result;

  /** Follows a run of the embedded service: stopping the JVM cancels it. */
  RunFollower(RunHandle run, ProgressDisplay display, PrintWriter err) {
    this(run, display, err, null, null);
  }

  /** Follows a run on a cluster, taking the signals of {@code interrupts} to {@code reaction}. */
  RunFollower(
      RunHandle run,
      ProgressDisplay display,
      PrintWriter err,
      Interrupts interrupts,
      Function<Interrupts.Kind, SignalReaction> reaction) {
    this.run = run;
    this.display = display;
    this.err = err;
    this.interrupts = interrupts;
    this.reaction = reaction;
  }

  /**
   * Follows {@code run} on a cluster with live progress unless {@code quiet}, catching INT, TERM
   * and HUP meanwhile and handing them to {@code reaction}.
   *
   * @return the result, or empty when a signal detached
   */
  public static Optional<RunResult> followOnCluster(
      RunHandle run,
      boolean quiet,
      PrintWriter out,
      PrintWriter err,
      Function<Interrupts.Kind, SignalReaction> reaction)
      throws InterruptedException {
    try (Interrupts interrupts = Interrupts.install()) {
      return new RunFollower(run, ProgressDisplay.of(quiet, out), err, interrupts, reaction)
          .followUntilDetached();
    }
  }

  /** Shows progress until the run ends, and returns its result. */
  RunResult follow() throws InterruptedException {
    return followUntilDetached()
        .orElseThrow(() -> new IllegalStateException("detached from an embedded run"));
  }

  /** Shows progress until the run ends, and returns its result; empty when a signal detached. */
  Optional<RunResult> followUntilDetached() throws InterruptedException {
    CompletableFuture<RunResult> result = Background.supply("wct-run-result", run::awaitResult);
    this.result = result;
    Thread cancelOnExit = null;
    if (interrupts == null) {
      cancelOnExit = new Thread(this::cancel, "wct-cancel-on-exit");
      Runtime.getRuntime().addShutdownHook(cancelOnExit);
    }
    boolean cancelRequested = false;
    try {
      while (true) {
        try {
          RunResult finished = result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
          display.update(finalProgress(finished));
          display.close();
          return Optional.of(finished);
        } catch (TimeoutException stillRunning) {
          Optional<Interrupts.Kind> signal =
              interrupts == null ? Optional.empty() : interrupts.next();
          if (signal.isPresent()) {
            display.close();
            if (cancelRequested) {
              // A second signal while the cancellation goes on: the user wants out.
              return Optional.empty();
            }
            SignalReaction what = reaction.apply(signal.get());
            if (what == SignalReaction.DETACH) {
              return Optional.empty();
            }
            if (what == SignalReaction.CANCEL) {
              cancelRequested = true;
              requestCancel();
            }
          }
          poll();
        } catch (ExecutionException e) {
          display.close();
          throw Background.unwrap(e.getCause());
        }
      }
    } finally {
      if (cancelOnExit != null) {
        removeHook(cancelOnExit);
      }
    }
  }

  private void requestCancel() {
    err.println("wct: cancelling run " + run.runId() + " on the cluster...");
    err.flush();
    try {
      run.cancel();
    } catch (RuntimeException e) {
      err.println("wct: could not cancel run " + run.runId() + ": " + e.getMessage());
      err.flush();
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
   * What Ctrl-C does to an embedded run: cancels the run unless it is over, then waits briefly for
   * the workflow to record the cancellation.
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

package dev.wct.cli.run;

import dev.wct.core.run.RunStatus;

/**
 * The exit codes of the commands that report a run: 0 completed or completed_with_errors, 1 failed,
 * timed out or cancelled, 3 completed_with_warnings, 4 not over yet (the run goes on on the
 * cluster: {@code wct status} of a running run, {@code wct watch} stopped, {@code wct run
 * --address} detached by SIGTERM, SIGHUP or a declined Ctrl-C).
 */
public final class RunExit {
  /** A run that completed with coverage warnings. */
  public static final int WARNINGS = 3;

  /** A run that goes on: this process stopped following it. */
  public static final int NOT_OVER = 4;

  private RunExit() {}

  public static int of(RunStatus status) {
    if (status == RunStatus.RUNNING) {
      return NOT_OVER;
    }
    if (status == RunStatus.COMPLETED_WITH_WARNINGS) {
      return WARNINGS;
    }
    return status.successful() ? 0 : 1;
  }
}

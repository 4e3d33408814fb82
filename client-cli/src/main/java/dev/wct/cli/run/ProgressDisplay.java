package dev.wct.cli.run;

import dev.wct.workflows.run.RunProgress;

/** Shows a run's progress as the status query reports it. */
interface ProgressDisplay {
  /** Shows nothing: {@code --quiet}. */
  ProgressDisplay NONE =
      new ProgressDisplay() {
        @Override
        public void update(RunProgress progress) {}

        @Override
        public void close() {}
      };

  /** Nothing when {@code quiet}, else a status line on a console or plain lines in a log. */
  static ProgressDisplay of(boolean quiet, java.io.PrintWriter out) {
    if (quiet) {
      return NONE;
    }
    return System.console() != null
        ? new TerminalProgress(out, System::currentTimeMillis)
        : new PlainProgress(out, System::currentTimeMillis);
  }

  /** Called with each polled snapshot, in order. */
  void update(RunProgress progress);

  /** Called once the run is over, before the summary is printed. */
  void close();
}

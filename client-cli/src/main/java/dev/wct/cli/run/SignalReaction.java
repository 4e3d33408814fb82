package dev.wct.cli.run;

import java.util.function.Function;
import java.util.function.Predicate;

/** What a command following a run on a cluster does when it gets a signal. */
public enum SignalReaction {
  /** Keep showing progress. */
  KEEP_FOLLOWING,
  /** Stop following; the run goes on on the cluster. */
  DETACH,
  /** Ask the cluster to cancel the run, and follow it until it ends. */
  CANCEL;

  /** {@code wct watch}: any signal only stops the watching. */
  public static Function<Interrupts.Kind, SignalReaction> stopWatching() {
    return kind -> DETACH;
  }

  /**
   * {@code wct run --address}: TERM and HUP (a service manager, a CI timeout, a closed terminal)
   * detach; Ctrl-C cancels with {@code --cancel-on-interrupt}, else asks when {@code ask} can ask
   * (there is a console), else detaches.
   *
   * @param ask asks its question and says whether the user answered yes; null without a console
   */
  public static Function<Interrupts.Kind, SignalReaction> runOnCluster(
      boolean cancelOnInterrupt, String runId, Predicate<String> ask) {
    return kind -> {
      if (kind != Interrupts.Kind.INT) {
        return DETACH;
      }
      if (cancelOnInterrupt) {
        return CANCEL;
      }
      if (ask == null) {
        return DETACH;
      }
      return ask.test("cancel run " + runId + " on the cluster? [y/N] ") ? CANCEL : DETACH;
    };
  }
}

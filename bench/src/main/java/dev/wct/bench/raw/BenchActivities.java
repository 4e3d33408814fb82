package dev.wct.bench.raw;

import io.temporal.activity.ActivityInterface;

/** The raw workflows' activities: plain Temporal, no store, no records. */
@ActivityInterface
public interface BenchActivities {
  /** Does nothing and returns a short token, the cheapest useful activity. */
  String noOp(int index);

  /** Sleeps {@code millis} ms. */
  void sleep(long millis);
}

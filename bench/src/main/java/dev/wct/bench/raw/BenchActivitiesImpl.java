package dev.wct.bench.raw;

import io.temporal.failure.ApplicationFailure;

public final class BenchActivitiesImpl implements BenchActivities {
  @Override
  public String noOp(int index) {
    return "ok " + index;
  }

  @Override
  public void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("interrupted while sleeping", "Interrupted");
    }
  }
}

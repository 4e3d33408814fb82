package dev.wct.core.plan;

import dev.wct.core.Checks;

/**
 * Limits a real Temporal server enforces (the test server does not), checked at plan time and where
 * a run is started, so that a runbook that plans here also runs in production.
 */
public final class PlanLimits {
  /**
   * A real server refuses more pending activities than this per workflow, so a run may not have
   * more producers in flight.
   */
  public static final int MAX_CONCURRENCY = 2_000;

  /**
   * Plans larger than the launcher sends inline travel through the store; the workflow loads their
   * artifacts in pages of this many, each page one activity result.
   */
  public static final int PAGE_ARTIFACTS = 500;

  /**
   * A real server rejects payloads over 2 MiB: a page of the plan ({@link #PAGE_ARTIFACTS}
   * consecutive artifacts, and so any single artifact) must fit. 1.5 MiB leaves room for the
   * encoding.
   */
  public static final int MAX_PAGE_BYTES = 3 * 512 * 1024;

  /**
   * A real server fails a workflow whose history passes 50 MiB. The history holds every planned
   * artifact about twice (its page and its producer's request); 16 MiB of plan leaves the other 18
   * MiB for the outcomes and events of its artifacts.
   */
  public static final int MAX_PLAN_BYTES = 16 * 1024 * 1024;

  private PlanLimits() {}

  /**
   * Returns {@code value} if it is a concurrency a run may have: at least 1 and at most {@link
   * #MAX_CONCURRENCY}. The one place a requested concurrency is checked, for the runbook's {@code
   * max_concurrency} and a run's override alike: a larger one is refused, never silently capped.
   *
   * @param name how the caller names the value, such as {@code --concurrency}
   * @throws IllegalArgumentException naming {@code name} and the limit
   */
  public static int concurrency(String name, int value) {
    Checks.atLeastOne(name, value);
    if (value > MAX_CONCURRENCY) {
      throw new IllegalArgumentException(
          name
              + " must be at most "
              + MAX_CONCURRENCY
              + ", the most pending activities a Temporal workflow may have, got "
              + value);
    }
    return value;
  }

  /**
   * Why a plan whose artifacts serialise to {@code artifactBytes} (in plan order) and whose whole
   * JSON is {@code planBytes} cannot run on a real server, or null if it can.
   */
  public static String planSizeProblem(int planBytes, int[] artifactBytes) {
    if (planBytes > MAX_PLAN_BYTES) {
      return "plan is "
          + planBytes
          + " bytes, over the 16 MiB a run's workflow history can hold; split the runbook into"
          + " child runbooks or fewer artifacts";
    }
    long page = 0;
    for (int i = 0; i < artifactBytes.length; i++) {
      page += artifactBytes[i];
      if (i >= PAGE_ARTIFACTS) {
        page -= artifactBytes[i - PAGE_ARTIFACTS];
      }
      if (page > MAX_PAGE_BYTES) {
        int first = Math.max(0, i - PAGE_ARTIFACTS + 1);
        return "artifacts "
            + (first + 1)
            + " to "
            + (i + 1)
            + " of the plan are "
            + page
            + " bytes, over the 1.5 MiB "
            + PAGE_ARTIFACTS
            + " consecutive artifacts may carry through Temporal; make their properties smaller";
      }
    }
    return null;
  }
}

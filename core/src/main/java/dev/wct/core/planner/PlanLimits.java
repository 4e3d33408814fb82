package dev.wct.core.planner;

/**
 * Limits a real Temporal server enforces (the test server does not), checked at plan time so that a
 * runbook that plans here also runs in production.
 */
public final class PlanLimits {
  /**
   * The plan travels as a workflow input; a real server rejects payloads over 2 MiB. 1.5 MiB leaves
   * room for the rest of the input and the encoding.
   */
  public static final int MAX_PLAN_BYTES = 3 * 512 * 1024;

  /** A real server refuses more pending activities than this per workflow. */
  public static final int MAX_CONCURRENCY = 2_000;

  private PlanLimits() {}
}

package dev.wct.core.runbook;

import dev.wct.core.plan.RunSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code config} block with defaults applied.
 *
 * @param timeout the whole run
 * @param maxConcurrency producers running at once
 * @param retry the default retry policy, as written
 * @param templatePaths extra folders for child runbooks, as written
 * @param maxChildDepth how deep child runbooks may nest
 * @param keepSources whether the raw source artifacts (connector outputs) stay in the store after
 *     the run ends; by default they are deleted
 * @param retention how long after its end {@code wct runs prune} keeps the run by default; null if
 *     not set
 * @param suppressions the suppressions file ({@code file:} stripped), relative to the runbook's
 *     folder; null when none
 */
public record RunbookConfig(
    Duration timeout,
    int maxConcurrency,
    RetrySpec retry,
    List<String> templatePaths,
    int maxChildDepth,
    boolean keepSources,
    Duration retention,
    String suppressions) {
  public static final int DEFAULT_MAX_CHILD_DEPTH = 3;
  public static final RunbookConfig DEFAULT =
      new RunbookConfig(
          RunSettings.DEFAULT_TIMEOUT,
          RunSettings.DEFAULT_MAX_CONCURRENCY,
          RetrySpec.EMPTY,
          List.of(),
          DEFAULT_MAX_CHILD_DEPTH,
          false,
          null,
          null);

  public RunbookConfig {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retry, "retry");
    templatePaths = List.copyOf(Objects.requireNonNull(templatePaths, "templatePaths"));
  }

  public RunbookConfig(
      Duration timeout,
      int maxConcurrency,
      RetrySpec retry,
      List<String> templatePaths,
      int maxChildDepth) {
    this(timeout, maxConcurrency, retry, templatePaths, maxChildDepth, false, null, null);
  }
}

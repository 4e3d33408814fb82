package dev.wct.engine.visibility;

import java.time.Instant;

/**
 * A run as the server's visibility store lists it: what {@code wct runs --temporal} and {@code wct
 * schedule describe} show.
 *
 * @param status the run's wct status label as it upserted it ({@code running}, {@code failed}...),
 *     else one read from the workflow's own status
 * @param failedArtifacts null until the run ends (or on a server without the attributes)
 * @param closedAt null while it runs
 */
public record VisibleRun(
    String runId,
    String workflowId,
    String runbook,
    String schedule,
    String status,
    Long failedArtifacts,
    Instant startedAt,
    Instant closedAt) {}

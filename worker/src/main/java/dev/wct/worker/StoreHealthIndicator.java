package dev.wct.worker;

import dev.wct.store.ArtifactStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Up when the artifact store takes a write and gives it back: a small probe record under the
 * reserved run {@value #AREA}, never under a real run. {@code wct runs} lists only runs with a run
 * record, so the probe never shows there; it is replaced in place, so it does not grow.
 */
final class StoreHealthIndicator extends AbstractHealthIndicator {
  /** The store area of health probes: a run ID no run gets (run IDs are generated). */
  static final String AREA = "_health";

  static final String PROBE = "probe";

  private final ArtifactStore store;
  private final String worker = UUID.randomUUID().toString();

  StoreHealthIndicator(ArtifactStore store) {
    super("The artifact store is not reachable or not writable");
    this.store = store;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    byte[] probe =
        ("{\"worker\":\"" + worker + "\",\"at\":\"" + Instant.now() + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    store.saveRecord(AREA, PROBE, probe);
    byte[] read = store.readRecord(AREA, PROBE).orElse(null);
    if (read == null) {
      builder.down().withDetail("error", "the probe written is not readable");
      return;
    }
    // Another worker of the same store may have replaced the probe in between: still readable.
    builder
        .up()
        .withDetail("location", store.recordLocation(AREA, PROBE))
        .withDetail("readBack", Arrays.equals(probe, read) ? "same" : "another worker's probe");
  }
}

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
    boolean own = probe();
    builder
        .up()
        .withDetail("location", store.recordLocation(AREA, PROBE))
        .withDetail("readBack", own ? "same" : "another worker's probe");
  }

  /**
   * Writes a probe record and reads it back. Returns whether it read its own probe: another worker
   * of the same store may have replaced it in between, which is as good. Throws when the store
   * cannot take or give back the record.
   */
  boolean probe() {
    byte[] probe =
        ("{\"worker\":\"" + worker + "\",\"at\":\"" + Instant.now() + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    store.saveRecord(AREA, PROBE, probe);
    byte[] read =
        store
            .readRecord(AREA, PROBE)
            .orElseThrow(() -> new IllegalStateException("the probe written is not readable"));
    return Arrays.equals(probe, read);
  }
}

package dev.wct.store.fs;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.wct.store.StoredArtifact;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a chain step's two writes cost the folder store under {@code per-run} syncs (what {@code wct
 * run} uses), timed apart and without Temporal: the small artifact ({@code save}) and its final
 * record ({@code saveRecord}), then the run's {@code syncRun} divided by its steps. Prints one line
 * per round. Not run by default: {@code -Dwct.bench=true -Dtest=ChainStepStoreBenchmark} ({@code
 * -Dwct.bench.steps}, default 500; {@code -Dwct.bench.rounds}, default 5, after one warm-up).
 */
@EnabledIfSystemProperty(named = "wct.bench", matches = "true")
class ChainStepStoreBenchmark {
  private static final byte[] ITEM =
      "{\"header\":{\"artifact\":\"a\"},\"items\":[{\"content\":\"a\"}],\"trailer\":{}}"
          .getBytes(UTF_8);

  @TempDir Path root;

  @Test
  void artifactAndRecordPerStep() {
    int steps = Integer.getInteger("wct.bench.steps", 500);
    int rounds = Integer.getInteger("wct.bench.rounds", 5);
    try (FileSystemArtifactStore store = new FileSystemArtifactStore(root, SyncPolicy.PER_RUN)) {
      for (int round = 0; round <= rounds; round++) {
        String run = "run-" + round;
        long artifacts = 0;
        long records = 0;
        for (int i = 0; i < steps; i++) {
          long t0 = System.nanoTime();
          StoredArtifact stored = store.save(run, "a" + i, out -> out.write(ITEM));
          long t1 = System.nanoTime();
          store.saveRecord(
              run,
              "artifacts/a" + i + ".json",
              ("{\"state\":\"SUCCEEDED\",\"sha256\":\"" + stored.sha256() + "\"}").getBytes(UTF_8));
          artifacts += t1 - t0;
          records += System.nanoTime() - t1;
        }
        long t2 = System.nanoTime();
        store.syncRun(run);
        long sync = System.nanoTime() - t2;
        if (round > 0) {
          System.out.printf(
              "chain step store cost, round %d of %d (µs per step): artifact %.0f, record %.0f,"
                  + " syncRun %.0f%n",
              round, rounds, artifacts / 1e3 / steps, records / 1e3 / steps, sync / 1e3 / steps);
        }
      }
    }
  }
}

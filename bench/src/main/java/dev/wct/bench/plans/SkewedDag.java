package dev.wct.bench.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;

/**
 * A layered DAG with uneven branches and sleeps of 50–500 ms, the same for the same seed. Every
 * node of a level past the first reads one node of the level just before (so it belongs to that
 * level) and up to two more from any earlier level; a few "hub" nodes are picked far more often
 * than the rest, so some branches are long and busy and others short.
 *
 * @param seed what it was generated from
 * @param nodes in topological order (level by level, then id)
 */
public record SkewedDag(long seed, List<Node> nodes) {
  public static final long MIN_SLEEP_MILLIS = 50;
  public static final long MAX_SLEEP_MILLIS = 500;

  /** Level widths of the default shape: 80 artifacts in 6 levels, narrowing towards the end. */
  public static final List<Integer> DEFAULT_LEVEL_SIZES = List.of(24, 18, 14, 10, 8, 6);

  public SkewedDag {
    nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
  }

  /**
   * @param id artifact id
   * @param level 0 for sources
   * @param sleepMillis how long its producer sleeps
   * @param inputs ids of earlier nodes, sorted
   */
  public record Node(String id, int level, long sleepMillis, List<String> inputs) {
    public Node {
      Objects.requireNonNull(id, "id");
      inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
    }
  }

  public static SkewedDag generate(long seed, List<Integer> levelSizes) {
    Objects.requireNonNull(levelSizes, "levelSizes");
    Random random = new Random(seed);
    List<List<Node>> levels = new ArrayList<>();
    List<Node> all = new ArrayList<>();
    for (int level = 0; level < levelSizes.size(); level++) {
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < levelSizes.get(level); i++) {
        TreeSet<String> inputs = new TreeSet<>();
        if (level > 0) {
          inputs.add(skewedPick(random, levels.get(level - 1)).id());
          int extra = random.nextInt(3);
          for (int e = 0; e < extra; e++) {
            inputs.add(skewedPick(random, all).id());
          }
        }
        long sleep =
            MIN_SLEEP_MILLIS + random.nextInt((int) (MAX_SLEEP_MILLIS - MIN_SLEEP_MILLIS + 1));
        nodes.add(
            new Node(String.format("l%d_n%02d", level, i), level, sleep, List.copyOf(inputs)));
      }
      levels.add(nodes);
      all.addAll(nodes);
    }
    return new SkewedDag(seed, all);
  }

  /** Picks low indices much more often: the first few nodes become hubs with many dependents. */
  private static Node skewedPick(Random random, List<Node> candidates) {
    double u = random.nextDouble();
    return candidates.get((int) (u * u * u * candidates.size()));
  }
}

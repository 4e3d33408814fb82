package dev.wct.workflows.run;

import dev.wct.core.plan.PlanLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * How a large run's plan and outcomes cross Temporal in batches, so that no payload nears a real
 * server's 2 MiB limit. Deterministic: it only slices lists in their order.
 */
final class Batches {
  /** Plan artifacts and outcomes travel in batches of this many; the planner checks they fit. */
  static final int SIZE = PlanLimits.PAGE_ARTIFACTS;

  private Batches() {}

  /**
   * Loads every item page by page, {@code page.apply(from, SIZE)}, until a page comes back short.
   */
  static <T> List<T> loadAll(BiFunction<Integer, Integer, List<T>> page) {
    List<T> all = new ArrayList<>();
    List<T> last;
    do {
      last = page.apply(all.size(), SIZE);
      all.addAll(last);
    } while (last.size() == SIZE);
    return all;
  }

  /**
   * Splits {@code items} into consecutive batches whose last one holds the final {@code SIZE} items
   * (or all of them, or none), the others {@code SIZE} each but the one before it: the last batch
   * rides with the run's final record, the others go first.
   */
  static <T> List<List<T>> endingWithFullBatch(List<T> items) {
    int lastBatch = Math.max(0, items.size() - SIZE);
    List<List<T>> batches = new ArrayList<>();
    for (int from = 0; from < lastBatch; from += SIZE) {
      batches.add(items.subList(from, Math.min(from + SIZE, lastBatch)));
    }
    batches.add(items.subList(lastBatch, items.size()));
    return batches;
  }
}

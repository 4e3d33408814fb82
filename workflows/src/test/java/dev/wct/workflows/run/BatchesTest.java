package dev.wct.workflows.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Large runs cross Temporal in batches of 500, in order. */
class BatchesTest {
  private static List<Integer> items(int count) {
    return IntStream.range(0, count).boxed().toList();
  }

  @Test
  void theLastBatchHoldsTheFinalItemsAndTheOthersGoFirstInOrder() {
    List<List<Integer>> batches = Batches.endingWithFullBatch(items(1_200));

    assertThat(batches).extracting(List::size).containsExactly(500, 200, 500);
    assertThat(batches.get(1).get(0)).isEqualTo(500);
    assertThat(batches.get(2).get(0)).isEqualTo(700);
    assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(items(1_200));
  }

  @Test
  void aSmallRunIsOneBatchAndAnEmptyOneIsOneEmptyBatch() {
    assertThat(Batches.endingWithFullBatch(items(500))).extracting(List::size).containsExactly(500);
    assertThat(Batches.endingWithFullBatch(items(0))).extracting(List::size).containsExactly(0);
  }

  @Test
  void loadingPagesStopsAtTheFirstShortPage() {
    List<Integer> all = items(1_000);
    List<Integer> asked = new ArrayList<>();

    List<Integer> loaded =
        Batches.loadAll(
            (from, count) -> {
              asked.add(from);
              return all.subList(Math.min(from, all.size()), Math.min(from + count, all.size()));
            });

    assertThat(loaded).isEqualTo(all);
    assertThat(asked).containsExactly(0, 500, 1_000);
  }

  @Test
  void aRunMayNotAskForMoreProducersInFlightThanAWorkflowMayHavePending() {
    assertThat(new RunOptions(2_000).maxConcurrency()).isEqualTo(2_000);
    assertThatThrownBy(() -> new RunOptions(2_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxConcurrency must be at most 2000");
  }
}

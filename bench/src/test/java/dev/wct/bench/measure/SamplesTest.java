package dev.wct.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SamplesTest {
  private static Samples of(double... values) {
    Samples samples = new Samples();
    for (double value : values) {
      samples.add(value);
    }
    return samples;
  }

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    assertThat(of(9, 1, 5).median()).isEqualTo(5);
    assertThat(of(9, 1, 5).min()).isEqualTo(1);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(of(4, 1, 3, 100).median()).isEqualTo(3.5);
  }

  @Test
  void ratiosPairSamplesTakenInTheSameRound() {
    Samples ratios = of(30, 10).dividedBy(of(10, 10));

    assertThat(ratios.values()).containsExactly(3.0, 1.0);
  }

  @Test
  void ratiosRefuseUnpairedSamples() {
    assertThatThrownBy(() -> of(1, 2).dividedBy(of(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot pair 2 samples with 1");
  }
}

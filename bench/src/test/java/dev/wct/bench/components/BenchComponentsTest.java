package dev.wct.bench.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class BenchComponentsTest {
  @Test
  void catalogOffersNoOpAndSleepAsConnectorAndAsAnalyser() {
    var catalog = BenchComponents.catalog();

    assertThat(catalog.connectors()).containsOnlyKeys(BenchComponents.NO_OP, BenchComponents.SLEEP);
    assertThat(catalog.analysers()).containsOnlyKeys(BenchComponents.NO_OP, BenchComponents.SLEEP);
  }

  @Test
  void sleepComesFromTheMillisProperty() {
    assertThat(BenchComponents.millisOf(BenchComponents.sleepFor(250), "a")).isEqualTo(250);
    assertThat(BenchComponents.millisOf(null, "a")).isZero();
  }

  @Test
  void negativeSleepIsRefusedNamingTheArtifact() {
    var properties = JsonNodeFactory.instance.objectNode().put(BenchComponents.MILLIS, -5);

    assertThatThrownBy(() -> BenchComponents.millisOf(properties, "l2_n07"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "artifact 'l2_n07': property 'millis' must be a non-negative number of ms, got -5");
  }
}

package dev.wct.spi.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void suggestsTheClosestCandidateForATypo() {
    assertThat(Suggestions.closest("inputz", List.of("inputs", "output", "name")))
        .contains("inputs");
    assertThat(Suggestions.closest("dbx", List.of("db", "web"))).contains("db");
    assertThat(Suggestions.hint("procss", List.of("process")))
        .isEqualTo(" (did you mean 'process'?)");
  }

  @Test
  void suggestsNothingForAnUnrelatedWord() {
    assertThat(Suggestions.closest("banana", List.of("inputs", "output"))).isEmpty();
    assertThat(Suggestions.hint("x", List.of())).isEmpty();
  }

  @Test
  void breaksTiesByName() {
    assertThat(Suggestions.closest("ab", List.of("ac", "aa"))).contains("aa");
  }
}

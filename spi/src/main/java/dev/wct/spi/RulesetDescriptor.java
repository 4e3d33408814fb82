package dev.wct.spi;

import java.util.List;
import java.util.Objects;

/**
 * A ruleset shipped with wct.
 *
 * @param reference how a runbook names it, e.g. {@code local/personal_data_indicator/1.0.0}
 * @param description one sentence
 * @param ruleCount number of rules
 * @param categories the categories its rules report, sorted
 * @param usedBy analyser types that can use it
 */
public record RulesetDescriptor(
    String reference,
    String description,
    int ruleCount,
    List<String> categories,
    List<String> usedBy) {
  public RulesetDescriptor {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(description, "description");
    categories = List.copyOf(categories);
    usedBy = List.copyOf(usedBy);
  }
}

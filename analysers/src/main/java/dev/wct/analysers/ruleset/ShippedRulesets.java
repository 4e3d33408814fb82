package dev.wct.analysers.ruleset;

import dev.wct.spi.RulesetDescriptor;
import dev.wct.spi.RulesetProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lists the rulesets this module ships, for {@code wct rulesets}. */
public final class ShippedRulesets implements RulesetProvider {
  private static final Map<String, String> USED_BY =
      Map.of(
          "personal_data_indicator", "personal_data",
          "data_subject_indicator", "data_subject",
          "processing_purpose_indicator", "processing_purpose");

  @Override
  public List<RulesetDescriptor> rulesets() {
    List<RulesetDescriptor> descriptors = new ArrayList<>();
    for (String reference : RulesetLoader.shipped()) {
      String name = reference.split("/")[1];
      Ruleset ruleset = RulesetLoader.load(reference, Path.of("."), name, KnownDetectors.NAMES);
      descriptors.add(
          new RulesetDescriptor(
              reference,
              ruleset.description(),
              ruleset.rules().size() + ruleset.detectors().size(),
              ruleset.categories(),
              List.of(USED_BY.get(name))));
    }
    return descriptors;
  }
}

package dev.wct.analysers.purpose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.common.Findings;
import dev.wct.analysers.indicator.KeywordIndicatorAnalyser;
import dev.wct.analysers.ruleset.Rule;
import dev.wct.analysers.ruleset.Ruleset;
import dev.wct.spi.FindingsPresentation;
import dev.wct.spi.message.SchemaRef;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code processing_purpose}: why data is processed (analytics, advertising, payments,
 * authentication, ...), including the SDKs and endpoints of well-known services, which are named in
 * each finding's {@code services}.
 */
public final class ProcessingPurposeAnalyser extends KeywordIndicatorAnalyser {
  public static final String TYPE = "processing_purpose";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Finds why data is processed (analytics, advertising, payments, authentication, ...),"
        + " including well-known service SDKs and endpoints.";
  }

  @Override
  public Optional<FindingsPresentation> presentation(SchemaRef output) {
    return Optional.of(
        new FindingsPresentation(
            "Processing purpose indicators",
            FindingsPresentation.Kind.INDICATOR,
            FindingsPresentation.Aspect.PURPOSES,
            "purpose",
            null,
            "/metadata/services",
            java.util.List.of()));
  }

  @Override
  protected String rulesetKind() {
    return "processing_purpose_indicator";
  }

  @Override
  protected String categoryField() {
    return "purpose";
  }

  @Override
  protected String summaryField() {
    return "purposes";
  }

  @Override
  protected void complete(ObjectNode finding, Findings.Finding category, Ruleset ruleset) {
    Set<String> services = new TreeSet<>();
    for (Rule rule : ruleset.rules()) {
      if (category.rules().contains(rule.name()) && rule.metadata().containsKey("service")) {
        services.add(rule.metadata().get("service"));
      }
    }
    ArrayNode array = finding.putArray("services");
    services.forEach(array::add);
  }
}

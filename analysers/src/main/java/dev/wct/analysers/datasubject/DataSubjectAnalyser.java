package dev.wct.analysers.datasubject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.common.Findings;
import dev.wct.analysers.indicator.KeywordIndicatorAnalyser;
import dev.wct.analysers.ruleset.Rule;
import dev.wct.analysers.ruleset.Ruleset;
import dev.wct.spi.FindingsPresentation;
import dev.wct.spi.message.SchemaRef;
import java.util.Optional;

/**
 * {@code data_subject}: whose data the items hold (customers, employees, patients, children, ...),
 * with a {@code confidence_score} from 0 to 100 per finding (subject and location).
 */
public final class DataSubjectAnalyser extends KeywordIndicatorAnalyser {
  public static final String TYPE = "data_subject";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Finds whose personal data is processed (customers, employees, patients, children, ...)"
        + " with a confidence score.";
  }

  @Override
  public Optional<FindingsPresentation> presentation(SchemaRef output) {
    return Optional.of(
        new FindingsPresentation(
            "Data subject indicators",
            FindingsPresentation.Kind.INDICATOR,
            FindingsPresentation.Aspect.DATA_SUBJECTS,
            "subject",
            null,
            null,
            java.util.List.of()));
  }

  @Override
  protected String rulesetKind() {
    return "data_subject_indicator";
  }

  @Override
  protected String defaultRulesetVersion() {
    return "1.1.0";
  }

  @Override
  protected String categoryField() {
    return "subject";
  }

  @Override
  protected String summaryField() {
    return "subjects";
  }

  @Override
  protected void complete(ObjectNode finding, Findings.Finding category, Ruleset ruleset) {
    finding.put("confidence_score", ConfidenceScore.of(category, ruleset));
  }

  /**
   * The confidence that a subject is present: the sum of the weights of the distinct keywords found
   * in the finding's location, doubled for keywords found in a table, column or file name (names
   * say what data is about; text only mentions it), capped at 100.
   */
  static final class ConfidenceScore {
    private ConfidenceScore() {}

    static int of(Findings.Finding category, Ruleset ruleset) {
      int score = 0;
      for (String pattern : category.patterns().keySet()) {
        int weight = weightOf(pattern, category.name(), ruleset);
        score += category.namePatterns().contains(pattern) ? 2 * weight : weight;
      }
      return Math.min(100, score);
    }

    private static int weightOf(String keyword, String category, Ruleset ruleset) {
      int weight = 0;
      for (Rule rule : ruleset.rules()) {
        if (rule.category().equals(category) && rule.keywords().contains(keyword)) {
          weight = Math.max(weight, rule.weight());
        }
      }
      return weight;
    }
  }
}

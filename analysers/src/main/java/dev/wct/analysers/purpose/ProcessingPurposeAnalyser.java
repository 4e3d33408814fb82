package dev.wct.analysers.purpose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.common.Findings;
import dev.wct.analysers.common.TextItem;
import dev.wct.analysers.indicator.KeywordIndicatorAnalyser;
import dev.wct.analysers.ruleset.KnownDetectors;
import dev.wct.analysers.ruleset.Rule;
import dev.wct.analysers.ruleset.Ruleset;
import dev.wct.analysers.ruleset.RulesetLoader;
import dev.wct.analysers.text.KeywordIndex;
import dev.wct.analysers.text.Tokens;
import dev.wct.spi.FindingsPresentation;
import dev.wct.spi.message.SchemaRef;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code processing_purpose}: why data is processed (analytics, advertising, payments,
 * authentication, ...), including the SDKs and endpoints of well-known services, which are named in
 * each finding's {@code services}.
 *
 * <p>With a ruleset whose rules ask for {@code evidence: processing} (the default, 1.1.0), a
 * purpose rests on code: a file is read by its language ({@link CodeRegions}) and a keyword counts
 * as {@code service} (a service's rule in code or in a URL, import or package string), {@code
 * data_flow} (in code within two lines of a personal data field such as {@code email} or {@code
 * remote_ip}), {@code code} (in an identifier, call or route) or {@code keyword} (in a UI string, a
 * translation call, a comment, a template's text, a document). A finding on {@code keyword} signals
 * alone is not reported: "Contact form" in a label is no purpose.
 */
public final class ProcessingPurposeAnalyser extends KeywordIndicatorAnalyser {
  public static final String TYPE = "processing_purpose";

  /** The personal data a purpose's code handles: the fields that make a keyword a data flow. */
  private static final Set<String> FIELD_CATEGORIES =
      Set.of(
          "name",
          "email",
          "phone",
          "address",
          "date_of_birth",
          "national_id",
          "government_id",
          "payment_card",
          "bank_account",
          "online_identifier",
          "credentials",
          "session_id");

  private static final String FIELD_RULESET = "local/personal_data_indicator/1.2.0";

  /** Lines within this distance of a personal data field make a code keyword a data flow. */
  private static final int FLOW_DISTANCE = 2;

  private static volatile KeywordIndex<Rule> fields;

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
  protected String defaultRulesetVersion() {
    return "1.1.0";
  }

  @Override
  protected void scanItem(
      KeywordIndex<Rule> keywords, Ruleset ruleset, TextItem item, Findings findings) {
    if (item.isCell()
        || item.filePath() == null
        || ruleset.processingEvidenceRequired().isEmpty()) {
      // A database cell's value is text; its column name is scanned as a schema name.
      scan(keywords, item, findings);
      return;
    }
    CodeRegions regions = CodeRegions.of(item.filePath(), item.text());
    BitSet[] fieldLines = {null};
    Lines lines = new Lines(item.text());
    scan(
        keywords,
        item,
        findings,
        (rule, start) -> {
          if (!"processing".equals(rule.metadata().get("evidence"))
              || !regions.at(start).isCode()) {
            return Findings.Kind.KEYWORD;
          }
          if (rule.metadata().containsKey("service")) {
            return Findings.Kind.SERVICE;
          }
          if (fieldLines[0] == null) {
            fieldLines[0] = fieldLines(item, regions, lines);
          }
          int line = lines.of(start);
          int near = fieldLines[0].nextSetBit(Math.max(0, line - FLOW_DISTANCE));
          return near >= 0 && near <= line + FLOW_DISTANCE
              ? Findings.Kind.DATA_FLOW
              : Findings.Kind.CODE;
        });
  }

  /** The lines of {@code item} that name a personal data field in code. */
  private static BitSet fieldLines(TextItem item, CodeRegions regions, Lines lineIndex) {
    BitSet lines = new BitSet();
    fieldIndex()
        .find(
            Tokens.of(item.text()),
            (rule, keyword, start, end) -> {
              if (regions.at(start).isCode()) {
                lines.set(lineIndex.of(start));
              }
            });
    return lines;
  }

  /** The 0-based line of an offset, by binary search over the line breaks. */
  private static final class Lines {
    private final int[] breaks;
    private final int count;

    Lines(String text) {
      int[] found = new int[64];
      int n = 0;
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (n == found.length) {
          found = java.util.Arrays.copyOf(found, n * 2);
        }
        found[n++] = i;
      }
      breaks = found;
      count = n;
    }

    int of(int offset) {
      int index = java.util.Arrays.binarySearch(breaks, 0, count, offset);
      return index >= 0 ? index : -index - 1;
    }
  }

  private static KeywordIndex<Rule> fieldIndex() {
    KeywordIndex<Rule> index = fields;
    if (index == null) {
      Ruleset personalData =
          RulesetLoader.load(
              FIELD_RULESET, Path.of("."), "personal_data_indicator", KnownDetectors.NAMES);
      KeywordIndex.Builder<Rule> builder = KeywordIndex.builder();
      for (Rule rule : personalData.rules()) {
        if (FIELD_CATEGORIES.contains(rule.category())) {
          rule.keywords().forEach(keyword -> builder.add(keyword, rule));
        }
      }
      index = builder.build();
      fields = index;
    }
    return index;
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

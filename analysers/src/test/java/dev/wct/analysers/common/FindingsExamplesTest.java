package dev.wct.analysers.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A finding keeps each distinct example once: the same snippet at the same line and column. */
class FindingsExamplesTest {
  private static final EvidenceSettings FIVE =
      new EvidenceSettings(
          EvidenceSettings.DEFAULTS.contextSize(), 5, EvidenceSettings.DEFAULTS.redaction());

  @Test
  void anExampleSeenAgainIsKeptOnceAndTheSameSnippetElsewhereIsKept() {
    // The snippet is the matched word alone: "email" in all three places below.
    Findings findings =
        new Findings("t", FIVE, (item, start, end) -> item.text().substring(start, end));
    TextItem item = new TextItem("email email\nemail", "a.txt", null, null, null, null);
    findings.startItem(item, 0);
    findings.match("contact", "email", "r", Findings.Kind.KEYWORD, item, 0, 5);
    findings.match("contact", "email", "r", Findings.Kind.KEYWORD, item, 0, 5);
    findings.match("contact", "email", "r", Findings.Kind.KEYWORD, item, 6, 11);
    findings.match("contact", "email", "r", Findings.Kind.KEYWORD, item, 12, 17);
    findings.match("contact", "email", "r", Findings.Kind.KEYWORD, item, 12, 17);

    Findings.Finding finding = findings.findings().iterator().next();
    assertThat(finding.matches()).isEqualTo(5);
    List<ObjectNode> examples = finding.examples();
    assertThat(examples)
        .extracting(
            example -> example.path("line").asLong() + ":" + example.path("column").asLong())
        .containsExactly("1:1", "1:7", "2:1");
    assertThat(examples).allMatch(example -> example.path("snippet").asText().equals("email"));
    assertThat(findings.toJson(finding, "category").path("detectors").get(0).path("rule").asText())
        .isEqualTo("r");
    assertThat(findings.toJson(finding, "category").path("detectors").get(0).path("kind").asText())
        .isEqualTo("keyword");
  }

  @Test
  void examplesKnowTheirLineWhicheverOrderTheMatchesComeIn() {
    Findings findings =
        new Findings("t", FIVE, (item, start, end) -> item.text().substring(start, end));
    TextItem item = new TextItem("a\n\nb c\nd\n", "a.txt", null, null, null, null);
    findings.startItem(item, 0);
    // keywords first, then values from the start again, as the scan reports them
    findings.match("x", "c", "r", Findings.Kind.KEYWORD, item, 5, 6);
    findings.match("x", "d", "r", Findings.Kind.KEYWORD, item, 7, 8);
    findings.match("y", "a", "v", Findings.Kind.VALUE, item, 0, 1);
    findings.match("y", "b", "v", Findings.Kind.VALUE, item, 3, 4);
    findings.match("y", "d", "v", Findings.Kind.VALUE, item, 7, 8);

    assertThat(findings.findings())
        .flatExtracting(Findings.Finding::examples)
        .extracting(
            example ->
                example.path("snippet").asText()
                    + "@"
                    + example.path("line").asLong()
                    + ":"
                    + example.path("column").asLong())
        .containsExactly("c@3:3", "d@4:1", "a@1:1", "b@3:1", "d@4:1");
  }
}

package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.analysers.common.EvidenceSettings;
import dev.wct.analysers.common.EvidenceSettings.ContextSize;
import dev.wct.analysers.common.EvidenceSettings.Redaction;
import dev.wct.analysers.common.TextItem;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private static Redactor redactor(ContextSize size, Redaction redaction) {
    return new Redactor(new EvidenceSettings(size, 3, redaction), "US");
  }

  private static TextItem file(String text) {
    return new TextItem(text, "notes.txt", null, null, null, "notes.txt");
  }

  @Test
  void maskedSnippetHidesEveryValueAroundTheMatch() {
    String text = "Contact jane.doe@example.com or card 4242 4242 4242 4242, ssn 123-45-6789.";
    int at = text.indexOf("jane");

    String snippet = redactor(ContextSize.LARGE, Redaction.MASK).snippet(file(text), at, at + 20);

    assertThat(snippet)
        .isEqualTo("Contact j***@example.com or card **** **** **** 4242, ssn ***-**-6789.")
        .doesNotContain("jane", "4242 4242 4242 4242", "123-45");
  }

  @Test
  void unredactedSnippetShowsTheValue() {
    String text = "Contact jane.doe@example.com today";

    assertThat(redactor(ContextSize.SMALL, Redaction.NONE).snippet(file(text), 8, 28))
        .isEqualTo(text);
  }

  @Test
  void contextSizeBoundsTheSnippet() {
    String text = "x".repeat(500) + " needle " + "y".repeat(500);
    int at = text.indexOf("needle");
    String padded = "a ".repeat(300) + "needle" + " b".repeat(300);
    int paddedAt = padded.indexOf("needle");

    assertThat(
            redactor(ContextSize.SMALL, Redaction.NONE)
                .snippet(file(padded), paddedAt, paddedAt + 6))
        .hasSizeBetween(6 + 2 * 45, 6 + 2 * 50);
    assertThat(
            redactor(ContextSize.MEDIUM, Redaction.NONE)
                .snippet(file(padded), paddedAt, paddedAt + 6))
        .hasSizeBetween(6 + 2 * 95, 6 + 2 * 100);
    assertThat(
            redactor(ContextSize.LARGE, Redaction.NONE)
                .snippet(file(padded), paddedAt, paddedAt + 6))
        .hasSizeBetween(6 + 2 * 195, 6 + 2 * 200);
    assertThat(redactor(ContextSize.FULL, Redaction.NONE).snippet(file(text), at, at + 6))
        .isEqualTo(text);
  }

  @Test
  void windowDoesNotCutAValueInTwoSoItIsStillMasked() {
    String text = "a".repeat(60) + " jane.doe@example.com";
    int at = text.indexOf("jane") + 9; // a match inside the address

    assertThat(redactor(ContextSize.SMALL, Redaction.MASK).snippet(file(text), at, at + 1))
        .contains("j***@example.com");
  }

  @Test
  void databaseCellValueIsMaskedEvenWhenNoDetectorKnowsIt() {
    TextItem cell =
        new TextItem("last_name: Smithson", null, "customers", "last_name", "main", "db");

    assertThat(redactor(ContextSize.SMALL, Redaction.MASK).snippet(cell, 0, 9))
        .isEqualTo("last_name: S*******");
  }
}

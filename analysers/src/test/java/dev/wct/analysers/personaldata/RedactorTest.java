package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.analysers.common.EvidenceSettings;
import dev.wct.analysers.common.EvidenceSettings.ContextSize;
import dev.wct.analysers.common.EvidenceSettings.Redaction;
import dev.wct.analysers.common.TextItem;
import java.util.List;
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
        .isEqualTo("C****** j***@e******.c** o* c*** **** **** **** 4242, s** ***-**-6789.")
        .doesNotContain("jane", "example", "4242 4242 4242 4242", "123-45");
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
        .contains("j***@e******.c**");
  }

  @Test
  void databaseCellValueIsMaskedEvenWhenNoDetectorKnowsIt() {
    TextItem cell =
        new TextItem("last_name: Smithson", null, "customers", "last_name", "main", "db");

    assertThat(redactor(ContextSize.SMALL, Redaction.MASK).snippet(cell, 0, 9))
        .isEqualTo("last_name: S*******");
  }

  private static Redactor masking(String... keywords) {
    return new Redactor(
        new EvidenceSettings(ContextSize.SMALL, 3, Redaction.MASK), "US", List.of(keywords));
  }

  @Test
  void contextAroundTheMatchIsMaskedWordByWord() {
    String text = "[db]\npassword = Sup3rS3cret-Passw0rd!\nsecret_key = sk_live_51HabcQwErTy\n";
    int at = text.indexOf("password");

    String snippet = masking("password", "secret key").snippet(file(text), at, at + 8);

    assertThat(snippet)
        .isEqualTo("[d*]\npassword = S**********-P*******!\nsecret_key = s*_l***_************");
  }

  @Test
  void numbersInsideWordsAreMaskedWithTheWord() {
    assertThat(masking().mask("token a1b2c3d4 and 12ab and abc123def"))
        .isEqualTo("t**** a******* a** **** a** a********");
  }

  @Test
  void valuesCutAtTheSnippetEdgeStayMasked() {
    String nino = "x".repeat(100) + " insurance JG 10 32 59 C";
    String email = "bruno.keller@example.de, ip 203.0.113.7 " + "y".repeat(100);
    int ninoAt = nino.indexOf("insurance");
    int ipAt = email.indexOf("ip");

    String cutNino = masking().snippet(file(nino), ninoAt, ninoAt + 9);
    String cutEmail = masking().snippet(file(email), ipAt, ipAt + 2);

    assertThat(cutNino).doesNotContain("10", "32", "59", "insurance");
    assertThat(cutEmail).doesNotContain("bruno", "keller", "example", "203", "113");
    // Cut by hand at the edge: no detector recognises these any more, the word rule still applies.
    assertThat(masking().mask("JG 10 32 59")).isEqualTo("J* ** ** **");
    assertThat(masking().mask("203.0.11")).isEqualTo("***.*.**");
    assertThat(masking().mask("bruno.keller@example.d")).isEqualTo("b****.k*****@e******.d");
  }

  @Test
  void unicodeWordsAreMaskedWholeKeepingTheirShape() {
    assertThat(
            masking()
                .mask("Zoë Łukasiewicz, Müller-Straße, 東京都, Zoe\u0308, \uD840\uDC0B\uD840\uDC0B"))
        .isEqualTo("Z** Ł**********, M*****-S*****, 東**, Z***, \uD840\uDC0B*");
  }

  @Test
  void rulesetKeywordsStayInClearCaseInsensitively() {
    assertThat(
            masking("diagnosis", "date of birth", "email")
                .mask("Diagnosis: HIV; userEmail; date of birth 1958"))
        .isEqualTo("Diagnosis: H**; u***Email; date of birth ****");
  }

  @Test
  void singleLetterWordsOfKeywordsUnmaskNothing() {
    assertThat(masking("driver's licence", "e-mail").mask("Sup3rS3cret eXs"))
        .isEqualTo("S********** e**");
  }

  @Test
  void csvHeaderIsAStructuralNameButAFirstDataRowIsNot() {
    String csv = "name,dob,diagnosis,ssn\nJohn Smith,1958-07-09,HIV positive,123-45-8712\n";
    TextItem withHeader = new TextItem(csv, "patients.csv", null, null, null, "patients.csv");
    TextItem headerless =
        new TextItem(
            "John Smith,1958-07-09,HIV positive\nMary Jones,1960-01-02,flu\n",
            "patients.csv",
            null,
            null,
            null,
            "patients.csv");

    assertThat(masking().snippet(withHeader, 0, 4))
        .isEqualTo("name,dob,diagnosis,ssn\n**** *****,****-**-**,H** p*******,***-**-8712");
    // a listed name is a found value, masked whole like the date and the SSN
    assertThat(masking().snippet(headerless, 0, 4))
        .startsWith("**** *****,****-**-**,H** p*******\n**** *****");
  }

  @Test
  void jsonKeysAreStructuralNamesButValuesAreNot() {
    String json = "{\"patient_name\": \"Anna Berg\", \"notes\": \"allergic to nuts\"}";
    TextItem item = new TextItem(json, "export/records.json", null, null, null, "records.json");

    // The name after the patient_name key is a person_name value: masked whole, initials too.
    assertThat(masking().snippet(item, 2, 9))
        .isEqualTo("{\"patient_name\": \"**** ****\", \"notes\": \"a******* t* n***\"}");
  }

  @Test
  void identifierMasksKeepAtMostTheirLastFourDigitsAndFirstLetters() {
    assertThat(Redactor.identifier("DE**************3000")).isEqualTo("D***************3000");
    assertThat(Redactor.identifier("203.*.*.*")).isEqualTo("***.*.*.*");
    assertThat(Redactor.identifier("4242424242424242")).isEqualTo("************4242");
    assertThat(Redactor.identifier("j***@example.com")).isEqualTo("j***@e******.c**");
  }
}

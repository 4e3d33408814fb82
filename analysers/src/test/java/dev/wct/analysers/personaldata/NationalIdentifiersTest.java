package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.analysers.text.Tokens;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The national identifier detectors on numbers whose check digits were computed here from the
 * published algorithms (no real person's number), and on the same numbers with a wrong check.
 */
class NationalIdentifiersTest {
  private static final ValueScanner ALL = ValueScanner.all("GB");

  private static List<String> found(String text) {
    return ALL.scan(text, Tokens.of(text)).stream()
        .map(m -> m.detector().name() + ":" + text.substring(m.start(), m.end()))
        .collect(Collectors.toList());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // ISO 7064 MOD 11,10; 6 twice in the first ten digits, or 1 three times apart
        "Steuer-ID: 86512347967 | de_tax_id:86512347967",
        "steuer_id: 21134156784 | de_tax_id:21134156784",
        "IdNr 86 512 347 967 | de_tax_id:86 512 347 967",
        "Steueridentifikationsnummer des Mitarbeiters: 86512347967 | de_tax_id:86512347967",
        // key = 97 - (13 digits mod 97); Corsica 2A as 19, 2B as 18
        "NIR 1 84 03 76 451 089 96 | fr_nir:1 84 03 76 451 089 96",
        "secu 292057512345668 | fr_nir:292057512345668",
        "n° 1 85 02 2A 012 345 31 | fr_nir:1 85 02 2A 012 345 31",
        "n° 185022B01234558 | fr_nir:185022B01234558",
        // mod 23 letter table; NIE X/Y/Z as 0/1/2
        "DNI 12345678Z | es_dni:12345678Z",
        "dni: 00000023-T | es_dni:00000023-T",
        "NIE X1234567L | es_nie:X1234567L",
        "nie Y-7654321-G | es_nie:Y-7654321-G",
        "Z0000001Y | es_nie:Z0000001Y",
        // odd/even tables; 55 is a woman's day 15; omocodia N for 6
        "CF RSSMRA85T10A562S | it_codice_fiscale:RSSMRA85T10A562S",
        "codice_fiscale: BNCLRA92E55H501D | it_codice_fiscale:BNCLRA92E55H501D",
        "CF RSSMRA85T10A56NH | it_codice_fiscale:RSSMRA85T10A56NH",
        // 11-proof
        "BSN 123456782 | nl_bsn:123456782",
        "burgerservicenummer: 1112.22.333 | nl_bsn:1112.22.333",
        "bsn_nummer: 314 159 265 | nl_bsn:314 159 265",
        // weights 1-3-7-9 and a date (month 27: July 2002)
        "PESEL 44051401359 | pl_pesel:44051401359",
        "numer PESEL: 02271501231 | pl_pesel:02271501231",
        // Luhn on the ten digits, a date; day 78 is a coordination number
        "pnr 811218-9876 | se_personnummer:811218-9876",
        "19850709-9805 | se_personnummer:19850709-9805",
        "old 121212+1212 | se_personnummer:121212+1212",
        "samordningsnummer 900178-1237 | se_personnummer:900178-1237",
        "personnummer 8507099805 | se_personnummer:8507099805",
        // 97 - mod 97, with a 2 before the nine digits for those born from 2000
        "RRN 85.07.30-123.35 | be_national_number:85.07.30-123.35",
        "01.03.15-456.38 | be_national_number:01.03.15-456.38",
        "rijksregisternummer 85073012335 | be_national_number:85073012335",
        // mod 11 over weights 10..2
        "NHS number: 943 476 5919 | uk_nhs_number:943 476 5919",
        "nhs_no: 4010232137 | uk_nhs_number:4010232137"
      })
  void findsValidIdentifiers(String text, String expected) {
    assertThat(found(text)).containsExactly(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // wrong check digit or letter
        "Steuer-ID: 86512347968",
        "NIR 1 84 03 76 451 089 97",
        "n° 1 85 02 2A 012 345 58",
        "DNI 12345678A",
        "NIE X1234567M",
        "CF RSSMRA85T10A562T",
        "BSN 123456783",
        "PESEL 44051401358",
        "pnr 811218-9875",
        "RRN 85.07.30-123.36",
        "NHS number: 943 476 5918",
        // the check passes, another rule does not
        "Steuer-ID: 11111111116", // a digit more than three times
        "Steuer-ID: 01234567891", // leading zero
        "PESEL 44135101357", // month 13
        "pnr 811318-9874", // month 13
        "CF RSSMRA85T35A562S", // day 35
        // generic digit runs without their keyword
        "order 123456782 shipped",
        "ref 86512347967",
        "id 44051401359",
        "call 943 476 5919",
        "8507099805",
        "85073012335",
        // a date and the next word, whose letter happens to be the DNI check letter
        "released 20240118 A new build",
        // inside longer codes
        "ORD-123456782",
        "BSN 123456782-7",
        "BSN v1.123456782"
      })
  void rejectsInvalidOrUnlabelledNumbers(String text) {
    assertThat(found(text)).filteredOn(f -> !f.startsWith("phone_number")).isEmpty();
  }

  @Test
  void anNhsNumberIsNotAPhoneNumber() {
    // 943 476 5919 is also a valid-looking number for libphonenumber in some regions; the NHS
    // detector runs first and claims it.
    assertThat(found("Patient NHS number 943 476 5919, phone 020 7946 0958"))
        .containsExactly("uk_nhs_number:943 476 5919", "phone_number:020 7946 0958");
    assertThat(ValueScanner.all("US").scan("NHS no 4155552671", Tokens.of("NHS no 4155552671")))
        .extracting(m -> m.detector().name())
        .doesNotContain("phone_number");
  }

  @Test
  void checkDigitsFollowThePublishedAlgorithms() {
    assertThat(NationalIdentifiers.DeTaxId.checkDigit("8651234796")).isEqualTo(7);
    assertThat(NationalIdentifiers.FrNir.key("1840376451089")).isEqualTo(96);
    assertThat(NationalIdentifiers.spanishLetter(12345678)).isEqualTo('Z');
    assertThat(NationalIdentifiers.ItCodiceFiscale.checkCharacter("RSSMRA85T10A562"))
        .isEqualTo('S');
    assertThat(NationalIdentifiers.PlPesel.checkDigit("4405140135")).isEqualTo(9);
    assertThat(NationalIdentifiers.UkNhsNumber.checkDigit("943476591")).isEqualTo(9);
    assertThat(NationalIdentifiers.NlBsn.valid("111222333")).isTrue();
    assertThat(NationalIdentifiers.BeNationalNumber.valid("01031545638")).isTrue();
    assertThat(NationalIdentifiers.BeNationalNumber.valid("01031545637")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Steuer-ID: 86512347967 | 86512347967",
        "NIR 1 84 03 76 451 089 96 | 840376",
        "DNI 12345678Z | 12345678",
        "CF RSSMRA85T10A562S | RSSMRA85T10A562",
        "BSN 123456782 | 1234567",
        "PESEL 44051401359 | 44051401359",
        "pnr 811218-9876 | 811218",
        "RRN 85.07.30-123.35 | 85.07.30",
        "NHS number: 943 476 5919 | 943 476"
      })
  void masksLeaveNoIdentifierInClear(String text, String hidden) {
    Redactor redactor =
        new Redactor(
            new dev.wct.analysers.common.EvidenceSettings(
                dev.wct.analysers.common.EvidenceSettings.ContextSize.SMALL,
                3,
                dev.wct.analysers.common.EvidenceSettings.Redaction.MASK),
            "GB");
    String masked = redactor.mask(text);
    assertThat(masked).doesNotContain(hidden);
    assertThat(masked.chars().filter(Character::isDigit).count()).isLessThanOrEqualTo(4);
  }

  @Test
  void findingsNameTheIdentifierRuleAsAValueDetector() {
    List<com.fasterxml.jackson.databind.node.ObjectNode> cells =
        List.of(
            dev.wct.analysers.testing.Inputs.cell("employees", "bsn", "123456782"),
            dev.wct.analysers.testing.Inputs.cell("patients", "nhs_number", "943 476 5919"),
            dev.wct.analysers.testing.Inputs.cell("clienti", "cf", "RSSMRA85T10A562S"));
    dev.wct.analysers.testing.CollectingWriter out =
        new dev.wct.analysers.testing.CollectingWriter("findings");

    new PersonalDataAnalyser()
        .analyse(
            new dev.wct.testkit.RecordingContext(java.nio.file.Path.of("."), "run-1", "pii"),
            dev.wct.spi.json.Json.mapper().createObjectNode(),
            List.of(dev.wct.analysers.testing.Inputs.standardInput(cells)),
            out);

    List<String> found = new java.util.ArrayList<>();
    out.items()
        .forEach(
            finding ->
                finding
                    .path("detectors")
                    .forEach(
                        detector ->
                            found.add(
                                finding.path("location").path("column").asText()
                                    + ":"
                                    + finding.path("category").asText()
                                    + ":"
                                    + detector.path("rule").asText()
                                    + ":"
                                    + detector.path("kind").asText())));
    assertThat(found)
        .contains(
            "bsn:national_id:nl_bsn:value",
            "nhs_number:national_id:uk_nhs_number:value",
            "cf:national_id:it_codice_fiscale:value")
        .noneMatch(f -> f.contains("phone"));
    assertThat(out.content().toString()).doesNotContain("123456782", "943 476 5919", "RSSMRA85");
  }
}

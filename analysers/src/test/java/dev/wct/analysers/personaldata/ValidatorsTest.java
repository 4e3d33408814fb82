package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidatorsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "4242424242424242",
        "4111111111111111",
        "378282246310005",
        "5555555555554444",
        "6011111111111117"
      })
  void luhnAcceptsValidCardNumbers(String number) {
    assertThat(PaymentCardDetector.luhn(number)).isTrue();
    assertThat(PaymentCardDetector.knownIssuer(number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4242424242424241", "4111111111111112", "378282246310006"})
  void luhnRejectsATypo(String number) {
    assertThat(PaymentCardDetector.luhn(number)).isFalse();
  }

  @Test
  void issuerRangeMustFitTheLength() {
    assertThat(PaymentCardDetector.knownIssuer("4242424242424242")).isTrue();
    assertThat(PaymentCardDetector.knownIssuer("424242424242424"))
        .as("Visa has no 15-digit numbers")
        .isFalse();
    assertThat(PaymentCardDetector.knownIssuer("9999999999999995"))
        .as("no scheme starts with 9")
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DE89370400440532013000",
        "GB82WEST12345698765432",
        "FR1420041010050500013M02606",
        "NL91ABNA0417164300",
        "NO9386011117947"
      })
  void mod97AcceptsValidIbans(String iban) {
    assertThat(IbanDetector.valid(iban)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DE89370400440532013001",
        "GB82WEST12345698765431",
        "DE8937040044053201300",
        "XX89370400440532013000"
      })
  void mod97RejectsWrongChecksumLengthOrCountry(String iban) {
    assertThat(IbanDetector.valid(iban)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "123,45,6789,true",
    "0,45,6789,false",
    "666,45,6789,false",
    "900,45,6789,false",
    "999,45,6789,false",
    "123,0,6789,false",
    "123,45,0,false",
    "899,99,9999,true"
  })
  void ssnFollowsTheIssuingRules(int area, int group, int serial, boolean valid) {
    assertThat(SsnDetector.valid(area, group, serial)).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({
    "AB,true",
    "JG,true",
    "DA,false",
    "FA,false",
    "QQ,false",
    "AO,false",
    "AV,false",
    "BG,false",
    "GB,false",
    "NK,false",
    "KN,false",
    "TN,false",
    "NT,false",
    "ZZ,false"
  })
  void ninoPrefixFollowsTheIssuingRules(String prefix, boolean valid) {
    assertThat(NinoDetector.validPrefix(prefix.charAt(0), prefix.charAt(1))).isEqualTo(valid);
  }
}

package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhonePrefilterTest {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  @Test
  void nineDigitsWithoutANationalShapeCannotBeANumberDialledInTheUs() {
    PhonePrefilter us = new PhonePrefilter("US");

    assertThat(us.mayHoldValidNumber("987654321")).isFalse();
    assertThat(us.mayHoldValidNumber("1234")).isFalse();
    assertThat(us.mayHoldValidNumber("4155550100")).isTrue();
    assertThat(us.mayHoldValidNumber("14155550100")).as("with the national prefix").isTrue();
  }

  @Test
  void aRunReadWholeMustBeANationalNumberAfterAtMostACallingCodeAndANationalPrefix() {
    PhonePrefilter us = new PhonePrefilter("US");

    assertThat(us.mayHoldValidNumber("9783161484100")).as("an ISBN-13 holds ten digits").isTrue();
    assertThat(us.mayBeValidWhole("9783161484100")).as("but is no number as a whole").isFalse();
    assertThat(us.mayBeValidWhole("123456789")).as("an SSN's nine digits").isFalse();
    assertThat(us.mayBeValidWhole("4155550100")).isTrue();
    assertThat(us.mayBeValidWhole("14155550100")).isTrue();
    assertThat(us.mayBeValidWhole("0114930123456")).as("after the international prefix").isTrue();
    assertThat(new PhonePrefilter("AR").mayBeValidWhole("1")).isTrue();
  }

  @Test
  void digitsMayBeValidAfterTheCallingCodeAndTwoNationalPrefixes() {
    PhonePrefilter us = new PhonePrefilter("US");
    String digits = "x1112125550100";

    assertThat(us.mayBeValid(digits, 1, digits.length())).isTrue();
    assertThat(us.mayBeValid(digits, 4, digits.length())).isTrue();
    assertThat(us.mayBeValid(digits, 5, digits.length())).as("nine digits").isFalse();
    assertThat(us.mayBeValid("x11112125550100", 1, 15)).as("three prefixes").isFalse();
    assertThat(us.mayBeValid("0114930123456", 0, 13)).as("the international prefix").isTrue();
    assertThat(us.mayBeValid("3101234", 0, 7)).as("a Canadian seven-digit number").isTrue();
    assertThat(new PhonePrefilter("AR").mayBeValid("1", 0, 1)).isTrue();
  }

  @Test
  void knowsWhichRegionsDialAbroadWith00() {
    assertThat(new PhonePrefilter("US").internationalPrefixMatches("00")).isFalse();
    assertThat(new PhonePrefilter("US").internationalPrefixMatches("011")).isTrue();
    assertThat(new PhonePrefilter("DE").internationalPrefixMatches("00")).isTrue();
  }

  @Test
  void regionsThatRewriteNationalNumbersAreNotFiltered() {
    assertThat(new PhonePrefilter("AR").mayHoldValidNumber("1")).isTrue();
  }

  @Test
  void digitsAfterTheUsInternationalPrefixMayBeAForeignNumber() {
    assertThat(new PhonePrefilter("US").mayHoldValidNumber("011431234")).isTrue();
    assertThat(new PhonePrefilter("US").mayHoldValidNumber("011")).isFalse();
    assertThat(new PhonePrefilter("US").mayHoldValidNumber("987011")).isFalse();
    assertThat(new PhonePrefilter("US").mayHoldValidNumber("9870114")).isTrue();
  }

  /** The bound must never hide a real number: every example number, dialled from the region. */
  @ParameterizedTest
  @ValueSource(
      strings = {"US", "CA", "GB", "DE", "FR", "IN", "AT", "CV", "WS", "BR", "JP", "IT", "AR"})
  void everyExampleNumberDialledFromTheRegionMayBeValid(String from) {
    PhonePrefilter prefilter = new PhonePrefilter(from);
    for (String region : PHONES.getSupportedRegions()) {
      for (PhoneNumberUtil.PhoneNumberType type : PHONES.getSupportedTypesForRegion(region)) {
        PhoneNumber example = PHONES.getExampleNumberForType(region, type);
        if (example == null) {
          continue;
        }
        for (String dialled :
            List.of(
                PHONES.formatOutOfCountryCallingNumber(example, from),
                PHONES.format(example, PhoneNumberUtil.PhoneNumberFormat.NATIONAL),
                PHONES.getNationalSignificantNumber(example))) {
          if (dialled.startsWith("+") || !PHONES.isValidNumber(parse(dialled, from))) {
            continue;
          }
          String digits = dialled.replaceAll("\\D", "");
          assertThat(prefilter.mayHoldValidNumber(digits))
              .as("%s %s dialled from %s as %s", region, type, from, dialled)
              .isTrue();
          assertThat(prefilter.mayBeValid(digits, 0, digits.length()))
              .as("%s %s dialled from %s as %s, any parse", region, type, from, dialled)
              .isTrue();
          assertThat(prefilter.mayBeValidWhole(digits))
              .as("%s %s dialled from %s as %s, read whole", region, type, from, dialled)
              .isTrue();
        }
      }
    }
  }

  private static PhoneNumber parse(String dialled, String region) {
    try {
      return PHONES.parse(dialled, region);
    } catch (NumberParseException e) {
      return new PhoneNumber();
    }
  }
}

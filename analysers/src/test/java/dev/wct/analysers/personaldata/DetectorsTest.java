package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.analysers.text.Tokens;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DetectorsTest {
  private static final ValueScanner ALL = ValueScanner.all("US");

  /** "detector:value" for every value found. */
  private static List<String> found(String text) {
    return ALL.scan(text, Tokens.of(text)).stream()
        .map(m -> m.detector().name() + ":" + text.substring(m.start(), m.end()))
        .collect(Collectors.toList());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mail jane.doe+news@example.co.uk today | email_address:jane.doe+news@example.co.uk",
        "card 4242 4242 4242 4242 exp 12/29 | payment_card:4242 4242 4242 4242",
        "card 4242-4242-4242-4242 | payment_card:4242-4242-4242-4242",
        "amex 3782 822463 10005. | payment_card:3782 822463 10005",
        "maestro 6304 0000 0125 | payment_card:6304 0000 0125",
        "card 501800001122 lost | payment_card:501800001122",
        "jcb 180000001123456 | payment_card:180000001123456",
        "pay to DE89 3704 0044 0532 0130 00 now | iban:DE89 3704 0044 0532 0130 00",
        "iban=GB82WEST12345698765432 | iban:GB82WEST12345698765432",
        "my iban is gb42nawi04454264788619 | iban:gb42nawi04454264788619",
        "IBAN: de89 3704 0044 0532 0130 00. | iban:de89 3704 0044 0532 0130 00",
        "iban Gb82West12345698765432 | iban:Gb82West12345698765432",
        "pay to gb82 west 1234 5698 7654 32 now | iban:gb82 west 1234 5698 7654 32",
        "ssn 123-45-6789. | us_ssn:123-45-6789",
        "NI: AB 12 34 56 C | uk_nino:AB 12 34 56 C",
        "from 192.168.10.254: denied | ipv4_address:192.168.10.254",
        "client 2001:db8:85a3::8a2e:370:7334 | ipv6_address:2001:db8:85a3::8a2e:370:7334",
        "host fe80::1ff:fe23:4567:890a%eth0 | ipv6_address:fe80::1ff:fe23:4567:890a",
        "call +44 20 7946 0958 now | phone_number:+44 20 7946 0958",
        "tel (415) 555-2671 | phone_number:(415) 555-2671",
        "phone: 4155552671 | phone_number:4155552671",
        "call (978)645-9740x11144 | phone_number:(978)645-9740x11144",
        "call 877-547-3967x793. | phone_number:877-547-3967x793",
        "tel 415-555-2671 ext. 12 | phone_number:415-555-2671 ext. 12",
        "call 001-518-640-0854 now | phone_number:001-518-640-0854",
        "+1-604-696-5272x565 | phone_number:+1-604-696-5272x565",
        "date of birth: 1985-03-12 | date_of_birth:1985-03-12",
        "born on 12 March 1985 in Leeds | date_of_birth:12 March 1985",
        "Geburtsdatum 03.12.1985 | date_of_birth:03.12.1985"
      })
  void findsValidatedValues(String text, String expected) {
    assertThat(found(text)).containsExactly(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "user@localhost and lodash@4.17.21 and @Override",
        "ref 4242424242424241",
        "order 1234567890123456",
        "account 507100001126 (twelve digits, Luhn-valid, not a Maestro range)",
        "DE89 3704 0044 0532 0130 01",
        "000-12-3456 666-12-3456 912-12-3456 123-00-4567 123-45-0000",
        "QQ 12 34 56 C and AB123456E",
        "v1.2.3.4 and version 10.0.19041.1 and 1.2.3.4.5 and 256.1.1.1 and 01.02.03.04",
        "at 12:30:45 on mac 00:1A:2B:3C:4D:5E via std::vector and a::b",
        "order 4155552671 shipped",
        "released 2023-01-05 10:00:00",
        "birthday party on 2024-02-30",
        "ISBN 978-3-16-148410-0",
        "log 2024-03-05 and 1999-12-31",
        "gb42nawi04454264788619 without a label",
        "sha gb82west12345698765432 in a log",
        "iban gb42nawi04454264788618 (checksum off by one)",
        "iban gb42nawi0445426478861 (a character short)",
        "iban zz42nawi04454264788619 (no such country)",
        "gb82 west 1234 5698 765 432 grouped otherwise",
        "build 001-518-640-085 and 001-555-010-000",
        "size 1920x1080 and 877-547-3967xyz and 877-547-3967x12345678"
      })
  void ignoresLookAlikes(String text) {
    assertThat(found(text)).isEmpty();
  }

  @Test
  void aLowerCaseIbanCountsOnlyAfterItsLabelSinceTheChecksumLetsOneInNinetySevenThrough() {
    Random random = new Random(8);
    for (int n = 0; n < 200; n++) {
      StringBuilder bban = new StringBuilder();
      for (int k = 0; k < 4; k++) {
        bban.append((char) ('A' + random.nextInt(26)));
      }
      for (int k = 0; k < 14; k++) {
        bban.append((char) ('0' + random.nextInt(10)));
      }
      char[] unchecked = ("GB00" + bban).toCharArray();
      int check = 98 - IbanDetector.mod97(unchecked, unchecked.length);
      String iban = String.format("gb%02d%s", check, bban.toString().toLowerCase());

      assertThat(found("token " + iban + " in a log")).isEmpty();
      assertThat(found("my iban is " + iban)).containsExactly("iban:" + iban);
    }
  }

  @Test
  void theInternationalPrefix00ReadsTheSameInRegionsThatDialIt() {
    ValueScanner germany = ValueScanner.all("DE");
    String text = "call 001-518-640-0854 now";
    assertThat(germany.scan(text, Tokens.of(text)))
        .extracting(m -> text.substring(m.start(), m.end()))
        .containsExactly("001-518-640-0854");
  }

  @Test
  void ibanDigitsAreNotAlsoACardOrPhone() {
    assertThat(found("GB82 WEST 1234 5698 7654 32"))
        .containsExactly("iban:GB82 WEST 1234 5698 7654 32");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "email_address | jane.doe@example.com | j***@example.com",
        "payment_card | 4242 4242 4242 4242 | **** **** **** 4242",
        "iban | DE89 3704 0044 0532 0130 00 | DE** **** **** **** **30 00",
        "us_ssn | 123-45-6789 | ***-**-6789",
        "phone_number | +44 20 7946 0958 | +** ** **** **58",
        "ipv4_address | 192.168.10.254 | 192.*.*.*",
        "uk_nino | AB123456C | ********C",
        "date_of_birth | 1985-03-12 | ****-**-**"
      })
  void masksHideTheIdentifyingPart(String detector, String value, String masked) {
    assertThat(ValueScanner.detectors("US").get(detector).mask(value)).isEqualTo(masked);
  }
}

package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The direct path of {@link PhoneValidator} must find exactly what {@code findNumbers} finds: both
 * are run over libphonenumber's example numbers of every region, written in every format and with
 * every separator, turned into look-alikes (a digit changed, dropped or added), and put in contexts
 * that make {@code findNumbers} behave differently (letters, digits, brackets, {@code %}, currency
 * signs, timestamps, page ranges).
 */
class PhoneValidatorTest {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  /** Text before and after a candidate. */
  private static final String[][] CONTEXTS = {
    {"", ""},
    {"call ", " now"},
    {"Tel: ", ".\n"},
    {"phone=", ";"},
    {"x", ""},
    {"", "y"},
    {"abc", " def"},
    {"é", ""},
    {"", "ñ"},
    {"% ", ""},
    {"", "%"},
    {"$", ""},
    {"", " €"},
    {"€", ""},
    {"id 12 ", " ok"},
    {"ref ", " 17"},
    {"(", ")"},
    {"[", "]"},
    {"+", ""},
    {"2024-05-01 ", ":30"},
    {"", ":30"},
    {"", " (2003)"},
    {"pp. ", " (12"},
    {"", " x12"},
    {"", " ext. 5"},
    {"", "/x"},
    {"", "#"},
    {"", "-"},
    {"\u00a0", "\u00a0"},
    {"1", ""},
    {"", "2"},
    {"\uD835\uDFCF ", ""},
  };

  private static List<String> styles(PhoneNumber number, String region) {
    List<String> written = new ArrayList<>();
    for (PhoneNumberFormat format :
        List.of(
            PhoneNumberFormat.E164, PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.NATIONAL)) {
      written.add(PHONES.format(number, format));
    }
    written.add(PHONES.formatOutOfCountryCallingNumber(number, region));
    written.add(PHONES.formatOutOfCountryCallingNumber(number, "DE"));
    written.add(PHONES.getNationalSignificantNumber(number));
    List<String> styles = new ArrayList<>();
    for (String text : written) {
      styles.add(text);
      for (String separator : List.of("-", ".", " ", "", "  ", " - ", "/", "(", ")", "x")) {
        styles.add(text.replaceAll("[ -]", java.util.regex.Matcher.quoteReplacement(separator)));
      }
      styles.add(text.replaceFirst("^(\\+?\\d{1,3})[ -]?(\\d{3})[ -]?", "$1 ($2) "));
      styles.add(text.replaceFirst("^(\\d{3})[ -]?", "($1) "));
      styles.add(text.replaceFirst("^(\\d{3})[ -]?", "$1) "));
      styles.add(text.replaceFirst("^(\\d{3})[ -]?", "($1 "));
      styles.add(text.replaceFirst("^(\\d{2,3})[ -]?(\\d{3})", "$1-$2 ("));
    }
    return styles;
  }

  private static List<String> lookAlikes(String written, Random random) {
    List<String> variants = new ArrayList<>();
    int[] digits = written.chars().filter(Character::isDigit).toArray();
    if (digits.length == 0) {
      return variants;
    }
    variants.add(written);
    int at = nthDigit(written, random.nextInt(digits.length));
    char changed = (char) ('0' + (written.charAt(at) - '0' + 1 + random.nextInt(9)) % 10);
    variants.add(written.substring(0, at) + changed + written.substring(at + 1));
    variants.add(written.substring(0, at) + written.substring(at + 1));
    variants.add(written.substring(0, at) + random.nextInt(10) + written.substring(at));
    variants.add(random.nextInt(10) + written);
    variants.add(written + random.nextInt(10));
    return variants;
  }

  private static int nthDigit(String text, int n) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i)) && n-- == 0) {
        return i;
      }
    }
    throw new IllegalStateException();
  }

  private static List<PhoneNumber> examples() {
    List<PhoneNumber> examples = new ArrayList<>();
    for (String region : new TreeSet<>(PHONES.getSupportedRegions())) {
      for (PhoneNumberUtil.PhoneNumberType type : PHONES.getSupportedTypesForRegion(region)) {
        PhoneNumber example = PHONES.getExampleNumberForType(region, type);
        if (example != null) {
          examples.add(example);
        }
      }
    }
    return examples;
  }

  private static String found(
      PhoneValidator validator, String text, int start, int end, boolean e164, boolean direct) {
    StringBuilder found = new StringBuilder();
    PhoneValidator.Found sink =
        (s, e) -> found.append('[').append(s).append(',').append(e).append(')');
    if (direct) {
      validator.validate(text, start, end, e164, sink);
    } else {
      validator.findNumbers(text, start, end, e164, sink);
    }
    return found.toString();
  }

  /** The US and a few regions with national prefixes, a sample of the other regions' numbers. */
  @ParameterizedTest
  @ValueSource(strings = {"US", "GB", "DE", "IN"})
  void theDirectPathFindsWhatFindNumbersFinds(String region) {
    compareOverExamples(region, 24, 3);
  }

  /** Ten regions, more of the other regions' numbers: about 40 s, so with the heavy suites. */
  @Tag("integration")
  @ParameterizedTest
  @ValueSource(strings = {"US", "CA", "GB", "DE", "FR", "IN", "BR", "JP", "AR", "AU"})
  void theDirectPathFindsWhatFindNumbersFindsForTenRegions(String region) {
    compareOverExamples(region, 8, 4);
  }

  /**
   * Every example number of the region's calling code and one in {@code sampled} of the others,
   * each in {@code picks} random styles, as itself and as look-alikes, in a random context.
   */
  private static void compareOverExamples(String region, int sampled, int picks) {
    PhoneValidator validator = new PhoneValidator(region);
    boolean dialsWith00 = new PhonePrefilter(region).internationalPrefixMatches("00");
    Random random = new Random(region.hashCode());
    Map<PhoneValidator.Verdict, Integer> verdicts = new EnumMap<>(PhoneValidator.Verdict.class);
    List<PhoneNumber> examples = examples();
    int regionCode = PHONES.getCountryCodeForRegion(region);
    for (PhoneNumber example : examples) {
      // Every number of the region's own calling code, one in eight of the others.
      if (example.getCountryCode() != regionCode && random.nextInt(sampled) != 0) {
        continue;
      }
      List<String> styles = styles(example, region);
      for (int pick = 0; pick < picks; pick++) {
        String style = styles.get(random.nextInt(styles.size()));
        for (String candidate : lookAlikes(style, random)) {
          String[] context = CONTEXTS[random.nextInt(CONTEXTS.length)];
          String text = context[0] + candidate + context[1];
          int start = context[0].length();
          int end = start + candidate.length();
          boolean e164 =
              !dialsWith00
                  && candidate.length() > 4
                  && candidate.startsWith("00")
                  && candidate.charAt(2) >= '1'
                  && candidate.charAt(2) <= '9';
          assertThat(found(validator, text, start, end, e164, true))
              .as("'%s' [%d,%d) in %s", text, start, end, region)
              .isEqualTo(found(validator, text, start, end, e164, false));
          verdicts.merge(validator.direct(text, start, end, e164), 1, Integer::sum);
        }
      }
    }
    System.out.println(region + " " + verdicts);
    assertThat(verdicts.getOrDefault(PhoneValidator.Verdict.INVALID, 0))
        .as("look-alikes rejected directly")
        .isGreaterThan(50);
    if (region.equals("US") || region.equals("CA")) {
      assertThat(verdicts.getOrDefault(PhoneValidator.Verdict.VALID, 0))
          .as("numbers accepted directly")
          .isGreaterThan(100);
    }
  }

  /** Random runs of digits and separators in random contexts: shapes no format produces. */
  @ParameterizedTest
  @ValueSource(strings = {"US", "GB"})
  void theDirectPathFindsWhatFindNumbersFindsInRandomRuns(String region) {
    PhoneValidator validator = new PhoneValidator(region);
    Random random = new Random(region.hashCode() * 31L);
    String inside = "0123456789012345678901234567892345678923456789  --..()+x/";
    String outside = "ab (+%$.-:#/x1 \u00e9";
    int decided = 0;
    for (int n = 0; n < 4_000; n++) {
      String candidate = random.nextInt(3) == 0 ? "+1" : random.nextInt(2) == 0 ? "(" : "";
      candidate += (char) ('2' + random.nextInt(8));
      int length = 6 + random.nextInt(12);
      while (candidate.length() < length) {
        candidate += inside.charAt(random.nextInt(inside.length()));
      }
      candidate += (char) ('0' + random.nextInt(10));
      String before = random(outside, random.nextInt(4), random);
      String text = before + candidate + random(outside, random.nextInt(4), random);
      int start = before.length();
      int end = start + candidate.length();
      assertThat(found(validator, text, start, end, false, true))
          .as("'%s' [%d,%d) in %s", text, start, end, region)
          .isEqualTo(found(validator, text, start, end, false, false));
      decided +=
          validator.direct(text, start, end, false) == PhoneValidator.Verdict.UNDECIDED ? 0 : 1;
    }
    assertThat(decided).as("candidates decided directly").isGreaterThan(200);
  }

  /**
   * Look-alikes of the kind the dense benchmark mix is full of (groups of digits split by spaces,
   * full stops, hyphens, brackets and slashes, with and without digits in the context), where the
   * validator decides many without {@code findNumbers} because no run of consecutive digit groups
   * can be a valid number: it must still find exactly what {@code findNumbers} finds.
   */
  @ParameterizedTest
  @ValueSource(strings = {"US", "CA", "GB", "DE", "FR", "IN", "AR"})
  void groupsNoneOfWhoseRunsCanBeValidAreDecidedAsFindNumbersDecidesThem(String region) {
    PhoneValidator validator = new PhoneValidator(region);
    Random random = new Random(region.hashCode() * 17L);
    String[] separators = {" ", " ", ".", "-", " - ", "/", ") ", " (", "  "};
    String[] before = {"", "ref ", "id 12 ", "9 ", "(", "pp. 3-", "v1.", "1 2 3 4 ", "% "};
    String[] after = {"", " now", " 17", " 2", ")", " (2003)", ".5", " 1 2 3 4", "%"};
    int decided = 0;
    for (int n = 0; n < 2_500; n++) {
      StringBuilder candidate = new StringBuilder();
      int groups = 2 + random.nextInt(5);
      for (int g = 0; g < groups; g++) {
        if (g > 0) {
          candidate.append(separators[random.nextInt(separators.length)]);
        }
        int digits = 1 + random.nextInt(random.nextInt(4) == 0 ? 10 : 5);
        for (int d = 0; d < digits; d++) {
          // Mostly digits that open numbers of the region, sometimes its prefixes.
          candidate.append(random.nextInt(6) == 0 ? "0" : random.nextInt(6) == 0 ? "1" : "");
          candidate.append((char) ('0' + random.nextInt(10)));
        }
      }
      String opening = before[random.nextInt(before.length)];
      String text = opening + candidate + after[random.nextInt(after.length)];
      int start = opening.length();
      int end = start + candidate.length();
      assertThat(found(validator, text, start, end, false, true))
          .as("'%s' [%d,%d) in %s", text, start, end, region)
          .isEqualTo(found(validator, text, start, end, false, false));
      decided +=
          validator.direct(text, start, end, false) == PhoneValidator.Verdict.INVALID ? 1 : 0;
    }
    System.out.println(region + " rejected directly " + decided);
    if (region.equals("US") || region.equals("CA")) {
      assertThat(decided).as("look-alikes rejected without findNumbers").isGreaterThan(400);
    }
  }

  @Test
  void lookAlikesNoRunOfWhoseGroupsCanBeAUsNumberAreRejectedWithoutFindNumbers() {
    PhoneValidator us = new PhoneValidator("US");
    assertThat(us.direct("ssn 123 45 6789 ok", 4, 15, false))
        .as("split at spaces: 123, 45 6789, 123 45 ... none a US number")
        .isEqualTo(PhoneValidator.Verdict.INVALID);
    assertThat(us.direct("id 12 123 456 7890 ok", 6, 18, false))
        .as("digits in the context")
        .isEqualTo(PhoneValidator.Verdict.INVALID);
    assertThat(us.direct("id 12 212 555 0100 ok", 6, 18, false))
        .as("a US number among the groups")
        .isEqualTo(PhoneValidator.Verdict.UNDECIDED);
    String prefixed = "call 111 212 555 0100 now";
    assertThat(found(us, prefixed, 5, 21, false, true))
        .as("the calling code and two national prefixes before a US number")
        .isEqualTo("[5,21)")
        .isEqualTo(found(us, prefixed, 5, 21, false, false));
  }

  private static String random(String alphabet, int length, Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  @Test
  void usNumbersInTheirCommonStylesAreDecidedWithoutFindNumbers() {
    PhoneValidator us = new PhoneValidator("US");
    for (String number :
        List.of(
            "(415) 555-0132", "415-555-0132", "415.555.0132", "+1 415-555-0132", "4155550132")) {
      String text = "call " + number + " now";
      assertThat(us.direct(text, 5, 5 + number.length(), false))
          .as(number)
          .isEqualTo(PhoneValidator.Verdict.VALID);
    }
    assertThat(us.direct("call 415-555-01320 now", 5, 18, false))
        .isEqualTo(PhoneValidator.Verdict.INVALID);
    assertThat(us.direct("call 415-555-0132x12 now", 5, 19, false))
        .as("an extension goes to findNumbers")
        .isEqualTo(PhoneValidator.Verdict.UNDECIDED);
    assertThat(us.direct("page 12 415-555-0132 now", 8, 20, false))
        .as("digits in the context go to findNumbers")
        .isEqualTo(PhoneValidator.Verdict.UNDECIDED);
  }

  @Test
  void aNationalNumberGoesToFindNumbersWhereItsFormatNeedsTheNationalPrefix() {
    String london = "call 20 7946 0018 now";
    assertThat(new PhoneValidator("GB").direct(london, 5, 17, false))
        .isEqualTo(PhoneValidator.Verdict.UNDECIDED);
  }
}

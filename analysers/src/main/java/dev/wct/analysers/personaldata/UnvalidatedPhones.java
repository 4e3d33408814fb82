package dev.wct.analysers.personaldata;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Phone numbers recognised by how they are written when no numbering plan assigns them (test data,
 * made-up or retired numbers, Faker's {@code +1-984-182-0190} with exchange 182): a person wrote
 * them as their phone number all the same. Reported through {@link
 * ValueDetector.Sink#matchByFormat} (a {@code format} signal, lower confidence than a validated
 * number), and only for a candidate {@link PhoneDetector} already failed to validate:
 *
 * <ul>
 *   <li>international format: {@code +}, or {@code 00} or the region's international prefix ({@code
 *       011} in the US), then a country calling code written whole in the first group of digits,
 *       then a number whose length libphonenumber says is possible for that calling code ({@code
 *       isPossibleNumber}, not only for local dialling);
 *   <li>national format: digits in phone-like groups (parentheses, or hyphens, dots, spaces or
 *       slashes between groups of two or more digits; 7–15 digits; an extension may follow), right
 *       after a phone label ({@code Phone:}, {@code call me at}, {@code Fax}; within the {@link
 *       Labels} window) or right before one ({@code 0490 75 40 81 mobile}). A digit run without
 *       such a label is left alone: order numbers, ISBNs and references are grouped the same way.
 * </ul>
 */
final class UnvalidatedPhones {
  private static final int AFTER_LABEL = 12;

  /**
   * Which line of a contact a number is, as contact blocks and signatures write it after the number
   * ({@code 416 60 039 office}, {@code 555 0134 (home)}); labels after a number only, and only as
   * the last word of the line or closed by punctuation.
   */
  private static final Set<String> LINE_TYPES = Set.of("office", "home", "work");

  private static final int MAXIMUM_GROUPS = 6;
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  /** A range of years ({@code 2017-2022}, {@code 1999/2000}), as copyright lines write them. */
  private static final Pattern YEARS = Pattern.compile("(?:19|20)\\d\\d ?[-/] ?(?:19|20)\\d\\d");

  private final String region;
  private final Pattern internationalPrefix;

  private final Labels labels;

  /**
   * @param labels the phone labels ({@code phone}, {@code tel}, {@code fax}, {@code phone
   *     number}...)
   */
  UnvalidatedPhones(String region, List<String> labels) {
    this.region = region;
    this.labels = Labels.of(labels);
    String prefix =
        DefaultMetadataDependenciesProvider.getInstance()
            .getPhoneNumberMetadataSource()
            .getMetadataForRegion(region)
            .getInternationalPrefix();
    this.internationalPrefix = prefix.isEmpty() ? null : Pattern.compile(prefix);
  }

  /**
   * Reports the candidate {@code [start, end)} ({@code end} after an extension, if any) by its
   * format, if it qualifies; {@code digitsEnd} is where its last digit group or parenthesis ends.
   */
  void find(String text, int start, int digitsEnd, int end, ValueDetector.Sink sink) {
    int afterPrefix = internationalStart(text, start, digitsEnd);
    boolean phone;
    if (afterPrefix >= 0) {
      phone =
          !PhoneDetector.dateLike(text, start, digitsEnd)
              && possibleInternational(text, start, afterPrefix, end);
    } else {
      phone =
          grouped(text, start, digitsEnd)
              && (labels.before(text, start) >= 0 || labelAfter(text, end))
              && noDateOrYears(text, start, digitsEnd);
    }
    if (phone && !PhoneDetector.labelledAsIdentifier(text, start)) {
      sink.matchByFormat(start, end);
    }
  }

  /**
   * True if the whole field {@code [start, end)} of a column headed with a phone label ({@link
   * PhoneColumns}) is a number in national format as {@link #find} accepts one after a label: the
   * same groups, extension and exclusions (dates, year ranges). A field opening with {@code +} is
   * left to {@link #find}, which needs no label for it; one opening with {@code 00} or {@code 011}
   * that {@link #find} did not take for a possible international number ({@code 004-312-3985},
   * {@code 001-012-345-6789}) is read by its groups like any other: the header says it is a phone
   * number.
   */
  boolean nationalField(String text, int start, int end) {
    char first = text.charAt(start);
    if (!Chars.digit(first) && first != '(') {
      return false;
    }
    int digits = 0;
    int j = start;
    while (j < end && digits <= 15) {
      char c = text.charAt(j);
      if (Chars.digit(c)) {
        digits++;
      } else if (" -.()/".indexOf(c) < 0
          || (j > start && PhoneDetector.separatorRunTooLong(text, j))) {
        break;
      }
      j++;
    }
    int digitsEnd = j;
    while (digitsEnd > start
        && !Chars.digit(text.charAt(digitsEnd - 1))
        && text.charAt(digitsEnd - 1) != ')') {
      digitsEnd--;
    }
    return digits >= 7
        && digits <= 15
        && digitsEnd > start
        && PhoneDetector.extensionEnd(text, digitsEnd) == end
        && grouped(text, start, digitsEnd)
        && noDateOrYears(text, start, digitsEnd)
        && !PhoneDetector.labelledAsIdentifier(text, start);
  }

  /** True if the digits {@code [start, digitsEnd)} are no date and no range of years. */
  private static boolean noDateOrYears(String text, int start, int digitsEnd) {
    int firstDigit = text.charAt(start) == '(' ? start + 1 : start;
    int lastDigit = text.charAt(digitsEnd - 1) == ')' ? digitsEnd - 1 : digitsEnd;
    return !PhoneDetector.dateLike(text, firstDigit, lastDigit)
        && !YEARS.matcher(text).region(firstDigit, lastDigit).matches();
  }

  /**
   * Where the calling code starts if the candidate opens in international format ({@code +}, the
   * ITU {@code 00}, or the region's international prefix), else -1.
   */
  private int internationalStart(String text, int start, int end) {
    char first = text.charAt(start);
    if (first == '+') {
      return start + 1;
    }
    if (first != '0') {
      return -1;
    }
    int k = start;
    while (k < end && Chars.digit(text.charAt(k))) {
      k++;
    }
    String opening = text.substring(start, k);
    if (opening.startsWith("00") && opening.length() > 2 && opening.charAt(2) != '0') {
      return start + 2;
    }
    if (internationalPrefix != null) {
      var prefix = internationalPrefix.matcher(opening);
      if (prefix.lookingAt() && prefix.end() > 0) {
        return start + prefix.end();
      }
    }
    return -1;
  }

  /**
   * True if the number parses with a calling code written whole in its first group of digits
   * ({@code +3.14159265} is no number) and has a length possible for that calling code.
   */
  private boolean possibleInternational(String text, int start, int codeStart, int end) {
    String number = "+" + text.substring(codeStart, end);
    PhoneNumber parsed;
    try {
      parsed = PHONES.parse(number, region);
    } catch (NumberParseException e) {
      return false;
    }
    int groupStart = codeStart;
    while (groupStart < end && !Chars.digit(text.charAt(groupStart))) {
      groupStart++;
    }
    int groupEnd = groupStart;
    while (groupEnd < end && Chars.digit(text.charAt(groupEnd))) {
      groupEnd++;
    }
    String code = Integer.toString(parsed.getCountryCode());
    if (!text.startsWith(code, groupStart) || groupEnd - groupStart < code.length()) {
      return false;
    }
    if (text.charAt(start) != '+' && !dialledFormat(text, start, groupStart + code.length(), end)) {
      return false;
    }
    return PHONES.isPossibleNumberWithReason(parsed)
        == PhoneNumberUtil.ValidationResult.IS_POSSIBLE;
  }

  /**
   * For a number dialled with a prefix instead of {@code +} ({@code 001-748-088-2851}, {@code 0044
   * 20 7946 0958}), which Unicode code points look like ({@code 0049 0302}, {@code 0031 2044
   * 0034}): true if the national number starts a group of its own, not with 0, and the groups are
   * not all of four digits.
   */
  private static boolean dialledFormat(String text, int start, int nationalStart, int end) {
    if (nationalStart >= end || Chars.digit(text.charAt(nationalStart))) {
      return false;
    }
    boolean allFours = true;
    boolean firstNational = true;
    int k = start;
    while (k < end) {
      if (!Chars.digit(text.charAt(k))) {
        k++;
        continue;
      }
      int groupStart = k;
      while (k < end && Chars.digit(text.charAt(k))) {
        k++;
      }
      if (groupStart >= nationalStart && firstNational) {
        if (text.charAt(groupStart) == '0') {
          return false;
        }
        firstNational = false;
      }
      allFours &= k - groupStart == 4;
    }
    return !allFours;
  }

  /**
   * True if the digits are written in phone-like groups: at least two, at most {@value
   * #MAXIMUM_GROUPS}, each of two digits or more but the first or one in parentheses ({@code
   * 1-800-...}, {@code (0)}), parentheses closed; a version, an ISBN ({@code 978-3-16-148410-0}) or
   * a decimal is not.
   */
  private static boolean grouped(String text, int start, int end) {
    int groups = 0;
    int open = 0;
    int k = start;
    while (k < end) {
      char c = text.charAt(k);
      if (!Chars.digit(c)) {
        open += c == '(' ? 1 : c == ')' ? -1 : 0;
        if (open < 0 || open > 1) {
          return false;
        }
        k++;
        continue;
      }
      int groupStart = k;
      while (k < end && Chars.digit(text.charAt(k))) {
        k++;
      }
      groups++;
      boolean inParentheses =
          groupStart > start
              && text.charAt(groupStart - 1) == '('
              && k < end
              && text.charAt(k) == ')';
      if (k - groupStart < 2 && groups > 1 && !inParentheses) {
        return false;
      }
    }
    return open == 0 && groups >= 2 && groups <= MAXIMUM_GROUPS;
  }

  /**
   * True if a phone label or a contact line's type ({@link #LINE_TYPES}) follows on the same line,
   * after at most a space, hyphen or parenthesis ({@code 0490 75 40 81 mobile}, {@code 07700 063
   * 966-Fax}, {@code 555 0134 (cell)}, {@code 416 60 039 office}), and is not itself the label of a
   * number after it: no digit follows it within {@value #AFTER_LABEL} characters on its line
   * ({@code code 547-00-6979 Call me at 555...}). A verb ({@code call}) labels what follows it
   * only.
   */
  private boolean labelAfter(String text, int end) {
    int k = end;
    int limit = Math.min(text.length(), end + 3);
    while (k < limit && " -(".indexOf(text.charAt(k)) >= 0) {
      k++;
    }
    if (k == end || k >= text.length() || !Character.isLetter(text.charAt(k))) {
      return false;
    }
    int wordStart = k;
    int wordEnd = k;
    while (wordEnd < text.length() && Character.isLetter(text.charAt(wordEnd))) {
      wordEnd++;
    }
    if (LINE_TYPES.contains(text.substring(wordStart, wordEnd).toLowerCase(Locale.ROOT))) {
      // Only as the last word of its line or closed by punctuation: "120 000 000 home loans".
      return wordEnd == text.length() || "\r\n,;)\\/".indexOf(text.charAt(wordEnd)) >= 0;
    }
    if (!labels.isWord(text, wordStart, wordEnd) || Labels.same(text, wordStart, wordEnd, "call")) {
      return false;
    }
    int labelEnd = wordEnd;
    if (labelEnd < text.length() && ",;)\\/".indexOf(text.charAt(labelEnd)) >= 0) {
      return true; // closed by punctuation: "(cell)", "-Office\,07700 063 966-Fax"
    }
    int lineLimit = Math.min(text.length(), labelEnd + AFTER_LABEL);
    for (int i = labelEnd; i < lineLimit && text.charAt(i) != '\n'; i++) {
      if (Chars.digit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}

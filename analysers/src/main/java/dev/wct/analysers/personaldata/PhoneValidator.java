package dev.wct.analysers.personaldata;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.NumberFormat;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import java.lang.Character.UnicodeBlock;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells which phone numbers libphonenumber's {@code findNumbers} (leniency VALID) finds in one
 * candidate of {@link PhoneDetector}, read with {@value #CONTEXT} characters of context on each
 * side. For the common shapes it gets the same answer from a direct {@code parseAndKeepRawInput}
 * and {@code isValidNumber} of the exact candidate, which skips the matcher's own search over the
 * window (a large regular expression) and its leniency checks; for every other shape it asks {@code
 * findNumbers}. {@code PhoneValidatorTest} compares both paths over example numbers of every
 * region, written in many styles, with look-alikes and contexts.
 *
 * <p>The direct path applies only when {@code findNumbers} is bound to read the candidate whole, as
 * its first and only candidate, and to accept or reject it by checks re-created here:
 *
 * <ul>
 *   <li>No digit, {@code +} or opening bracket in the context before the candidate, and no digit in
 *       the context after it: the matcher's number pattern then starts where the candidate does and
 *       ends at its last digit, and no second candidate exists in the window.
 *   <li>The candidate is ASCII digits with single runs of at most four of {@code space - . ( )}, an
 *       optional leading {@code +}, ends with a digit, and has at most one {@code (}, before at
 *       most one {@code )}: no {@code x} (extensions, a second number after {@code /x}), no slash
 *       (dates), brackets that balance, and a bracket after a hyphen never follows a digit run
 *       (page ranges such as {@code 211-227 (2003}).
 *   <li>VALID's own checks: the number is valid, the character before (unless the candidate opens
 *       with {@code +} or a bracket) and the one after are no Latin letter, {@code %} or currency
 *       sign, and a number written nationally carries the national prefix when its format needs it.
 *       The last is decided from the metadata only where no format of the region needs it (the US,
 *       Canada); elsewhere a national number goes to {@code findNumbers}.
 *   <li>A valid candidate is the whole match. An invalid one is only rejected directly when it
 *       holds no space, full stop or opening bracket ({@code findNumbers} splits a candidate it
 *       rejects whole at these and tries the parts), or when none of those parts can be valid.
 * </ul>
 *
 * <p>Besides, a candidate none of whose runs of consecutive digit groups can be a valid number
 * ({@link PhonePrefilter#mayBeValid}) is rejected without {@code findNumbers} whatever its context
 * (see {@link #somePartMayBeValid}): digit groups that look like a number but are none, such as
 * {@code 123 45 6789}, are common and {@code findNumbers} tries each of their parts.
 */
final class PhoneValidator {
  /** Receives one number found, by its offsets in the text. */
  @FunctionalInterface
  interface Found {
    void found(int start, int end);
  }

  static final int CONTEXT = 8;
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final Set<UnicodeBlock> LATIN =
      Set.of(
          UnicodeBlock.BASIC_LATIN,
          UnicodeBlock.LATIN_1_SUPPLEMENT,
          UnicodeBlock.LATIN_EXTENDED_A,
          UnicodeBlock.LATIN_EXTENDED_ADDITIONAL,
          UnicodeBlock.LATIN_EXTENDED_B,
          UnicodeBlock.COMBINING_DIACRITICAL_MARKS);
  private static final Pattern FIRST_GROUP_ONLY = Pattern.compile("\\(?\\$1\\)?");

  /** Digit runs and digits a candidate may hold for {@link #somePartMayBeValid} to read it. */
  private static final int MAX_RUNS = 16;

  private static final int MAX_DIGITS = 20;

  private final String region;
  private final boolean nationalPrefixNeverRequired;
  private final PhonePrefilter prefilter;

  PhoneValidator(String region) {
    this(region, new PhonePrefilter(region));
  }

  /** A validator that reads the metadata through {@code prefilter}, made for the same region. */
  PhoneValidator(String region, PhonePrefilter prefilter) {
    this.region = region;
    this.nationalPrefixNeverRequired = nationalPrefixNeverRequired(region);
    this.prefilter = prefilter;
  }

  /**
   * True if no number format of the region's calling code asks for the national prefix when a
   * number is written nationally: VALID then never rejects a national number for lacking it.
   */
  private static boolean nationalPrefixNeverRequired(String region) {
    String main = PHONES.getRegionCodeForCountryCode(PHONES.getCountryCodeForRegion(region));
    PhoneMetadata metadata =
        DefaultMetadataDependenciesProvider.getInstance()
            .getPhoneNumberMetadataSource()
            .getMetadataForRegion(main);
    if (metadata == null) {
      return true;
    }
    for (NumberFormat format : metadata.getNumberFormatList()) {
      String rule = format.getNationalPrefixFormattingRule();
      if (!rule.isEmpty()
          && !format.getNationalPrefixOptionalWhenFormatting()
          && !FIRST_GROUP_ONLY.matcher(rule).matches()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reports the numbers {@code findNumbers} finds within {@code [start, end)} of {@code text}.
   *
   * @param e164Prefix the candidate opens with {@code 00} that stands for {@code +} (the region
   *     dials abroad otherwise, so {@code findNumbers} is given {@code +} instead)
   */
  void validate(String text, int start, int end, boolean e164Prefix, Found found) {
    switch (direct(text, start, end, e164Prefix)) {
      case VALID -> found.found(start, end);
      case INVALID -> {}
      case UNDECIDED -> findNumbers(text, start, end, e164Prefix, found);
    }
  }

  enum Verdict {
    VALID,
    INVALID,
    UNDECIDED
  }

  /**
   * The direct path's answer, {@link Verdict#UNDECIDED} where only {@code findNumbers} can tell.
   */
  Verdict direct(String text, int start, int end, boolean e164Prefix) {
    if (!contextAllowsDirect(text, start, end) || !shapeAllowsDirect(text, start, end)) {
      return undecidedUnlessNoPart(text, start, end, e164Prefix);
    }
    String candidate =
        e164Prefix ? "+" + text.substring(start + 2, end) : text.substring(start, end);
    char first = candidate.charAt(0);
    if (first != '+' && first != '(' && start > 0 && invalidNeighbour(text.charAt(start - 1))) {
      return rejected(text, start, end, e164Prefix, candidate);
    }
    if (end < text.length() && invalidNeighbour(text.charAt(end))) {
      return rejected(text, start, end, e164Prefix, candidate);
    }
    PhoneNumber number;
    try {
      number = PHONES.parseAndKeepRawInput(candidate, region);
    } catch (NumberParseException e) {
      return rejected(text, start, end, e164Prefix, candidate);
    }
    if (number.getCountryCodeSource() == PhoneNumber.CountryCodeSource.FROM_DEFAULT_COUNTRY
        && !nationalPrefixNeverRequired) {
      return undecidedUnlessNoPart(text, start, end, e164Prefix);
    }
    return PHONES.isValidNumber(number)
        ? Verdict.VALID
        : rejected(text, start, end, e164Prefix, candidate);
  }

  /**
   * The verdict on a candidate {@code findNumbers} rejects whole: it then splits it at brackets,
   * full stops and spaces and tries the parts, so only one without them, or one none of whose parts
   * can be valid, is rejected for good.
   */
  private Verdict rejected(String text, int start, int end, boolean e164Prefix, String candidate) {
    return splittable(candidate) && somePartMayBeValid(text, start, end, e164Prefix, true)
        ? Verdict.UNDECIDED
        : Verdict.INVALID;
  }

  private Verdict undecidedUnlessNoPart(String text, int start, int end, boolean e164Prefix) {
    return somePartMayBeValid(text, start, end, e164Prefix, false)
        ? Verdict.UNDECIDED
        : Verdict.INVALID;
  }

  /**
   * False only if {@code findNumbers} can find no number inside {@code [start, end)}, whatever the
   * context: every string it parses there is a candidate of its number pattern or a part its inner
   * matching cuts from one, and each starts at the candidate's start, after a separator or at an
   * opening bracket, and ends at the candidate's end or before a separator. With only ASCII digits
   * and {@code space - . ( ) /} inside, separator runs of at most four (the pattern's limit between
   * groups) and at most {@value #MAX_RUNS} digit runs holding at most {@value #MAX_DIGITS} digits
   * in all (fewer than the pattern's 21 groups of up to 20 digits, so a candidate opening in the
   * context never stops inside this one), such a string holds whole consecutive digit runs, and
   * without a letter or {@code +} its parse depends on those digits alone: if {@link
   * PhonePrefilter#mayBeValid} is false for every run of consecutive digit runs, no number is
   * found. Anything else (a {@code +}, {@code 00} read as {@code +}, a letter, another character)
   * is left to {@code findNumbers}.
   *
   * @param wholeRejected {@code findNumbers} is known to try the candidate whole as its own
   *     candidate and reject it: the string of all runs is then skipped where no other string holds
   *     them all (the candidate opens with a digit and ends with one)
   */
  private boolean somePartMayBeValid(
      String text, int start, int end, boolean e164Prefix, boolean wholeRejected) {
    if (e164Prefix || !prefilter.filters()) {
      return true;
    }
    StringBuilder digits = new StringBuilder(MAX_DIGITS);
    int[] runStarts = new int[MAX_RUNS];
    int runs = 0;
    int separators = 0;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (Chars.digit(c)) {
        if (k == start || !Chars.digit(text.charAt(k - 1))) {
          if (runs == MAX_RUNS) {
            return true;
          }
          runStarts[runs++] = digits.length();
        }
        if (digits.length() == MAX_DIGITS) {
          return true;
        }
        digits.append(c);
        separators = 0;
      } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/') {
        if (++separators > 4) {
          return true;
        }
      } else {
        return true;
      }
    }
    boolean skipWhole =
        wholeRejected && Chars.digit(text.charAt(start)) && Chars.digit(text.charAt(end - 1));
    for (int first = 0; first < runs; first++) {
      for (int last = first; last < runs; last++) {
        if (skipWhole && first == 0 && last == runs - 1) {
          continue;
        }
        int to = last + 1 < runs ? runStarts[last + 1] : digits.length();
        if (prefilter.mayBeValid(digits, runStarts[first], to)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean splittable(String candidate) {
    for (int k = 0; k < candidate.length(); k++) {
      char c = candidate.charAt(k);
      if (c == ' ' || c == '.' || c == '(') {
        return true;
      }
    }
    return false;
  }

  /**
   * No digit, {@code +} or opening bracket in the context before (where the matcher could start a
   * candidate of its own), no digit in the context after (where it could go on or start another).
   */
  private static boolean contextAllowsDirect(String text, int start, int end) {
    for (int k = Math.max(0, start - CONTEXT); k < start; k++) {
      char c = text.charAt(k);
      // A surrogate could be half of a digit outside the BMP, which the matcher reads as one.
      if (Character.isDigit(c)
          || Character.isSurrogate(c)
          || c == '+'
          || c == '\uFF0B'
          || opening(c)) {
        return false;
      }
    }
    int to = Math.min(text.length(), end + CONTEXT);
    for (int k = end; k < to; k++) {
      char c = text.charAt(k);
      if (Character.isDigit(c) || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean opening(char c) {
    return c == '(' || c == '[' || c == '\uFF08' || c == '\uFF3B';
  }

  private static boolean shapeAllowsDirect(String text, int start, int end) {
    char first = text.charAt(start);
    // The matcher's number opens at a digit, or at a '+' or bracket before one.
    if (end - start < 2
        || !(Chars.digit(first) || first == '+' || first == '(')
        || !Chars.digit(text.charAt(end - 1))) {
      return false;
    }
    int opens = 0;
    int closes = 0;
    boolean hyphen = false;
    int run = 0;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (Chars.digit(c)) {
        run = 0;
        continue;
      }
      if (c == '+' && k == start) {
        continue;
      }
      switch (c) {
        case ' ', '.' -> {}
        case '-' -> hyphen = true;
        case '(' -> {
          // A bracket after a hyphen could close a page range ("211-227 (2003").
          if (opens++ > 0 || closes > 0 || (k > start && hyphen)) {
            return false;
          }
        }
        case ')' -> {
          if (closes++ > 0) {
            return false;
          }
        }
        default -> {
          return false;
        }
      }
      if (++run > 4) {
        return false;
      }
    }
    // A lone '(' after the first character is an unmatched bracket; ')' must follow '(' with
    // something between them (or close a bracket dropped before the number).
    if (opens == 1) {
      int open = text.indexOf('(', start);
      int close = closes == 1 ? text.indexOf(')', start) : -1;
      if (close < 0 ? open > start : close < open + 2) {
        return false;
      }
    }
    return true;
  }

  /** What VALID rejects next to a number: a Latin letter, {@code %} or a currency sign. */
  private static boolean invalidNeighbour(char c) {
    if (c == '%' || Character.getType(c) == Character.CURRENCY_SYMBOL) {
      return true;
    }
    if (!Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
      return false;
    }
    return LATIN.contains(UnicodeBlock.of(c));
  }

  /**
   * Hands the candidate, with {@value #CONTEXT} characters around it, to {@code findNumbers}: the
   * context lets libphonenumber reject timestamps and numbers glued to letters.
   */
  void findNumbers(String text, int start, int end, boolean e164Prefix, Found found) {
    int windowStart = Math.max(0, start - CONTEXT);
    String window = text.substring(windowStart, Math.min(text.length(), end + CONTEXT));
    if (e164Prefix) {
      // "00" becomes " +", same length, so offsets stay those of the text.
      int at = start - windowStart;
      window = window.substring(0, at) + " +" + window.substring(at + 2);
    }
    for (PhoneNumberMatch match :
        PHONES.findNumbers(window, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
      int matchStart = windowStart + match.start();
      int matchEnd = windowStart + match.end();
      if (e164Prefix && matchStart == start + 1) {
        matchStart = start;
      }
      if (matchStart >= start && matchEnd <= end) {
        found.found(matchStart, matchEnd);
      }
    }
  }
}

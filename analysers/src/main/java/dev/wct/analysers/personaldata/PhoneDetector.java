package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.KeywordIndex;
import dev.wct.analysers.text.Tokens;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Phone numbers, validated by libphonenumber (as {@code findNumbers} with leniency VALID would:
 * {@link PhoneValidator}) against the numbering plan of their country: international numbers
 * anywhere, national ones in {@code defaultRegion}. Only runs of 7–15 digits are handed to
 * libphonenumber (the fast prefilter), runs without {@code +} only when their digits can hold a
 * number of the region ({@link PhonePrefilter}), and a bare digit run (no {@code +}, parentheses or
 * separators) only counts after a phone keyword ({@code phone}, {@code tel}, {@code mobile}, ...):
 * otherwise order numbers and ids would be reported. Dates are never phone numbers, and neither is
 * a number labelled as a national identifier ({@code NHS number 943 476 5918}, {@code personnummer
 * 401203-2564}: a mistyped identifier whose check failed) unless a phone keyword comes after that
 * label.
 */
final class PhoneDetector implements ValueDetector {
  private static final int KEYWORD_DISTANCE = 30;
  private static final Pattern DATE_LIKE =
      Pattern.compile("\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}.*|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}");
  private static final List<String> PHONE_LABELS = WordLists.read("phone-labels.txt");
  private static final KeywordIndex<String> PHONE_WORDS = phoneWords();

  private final PhonePrefilter prefilter;
  private final PhoneValidator validator;
  private final boolean dialsWith00;
  private final UnvalidatedPhones unvalidated;

  PhoneDetector(String defaultRegion) {
    this.prefilter = new PhonePrefilter(defaultRegion);
    this.validator = new PhoneValidator(defaultRegion, prefilter);
    this.dialsWith00 = prefilter.internationalPrefixMatches("00");
    this.unvalidated = new UnvalidatedPhones(defaultRegion, phoneKeywords());
  }

  private static KeywordIndex<String> phoneWords() {
    KeywordIndex.Builder<String> builder = KeywordIndex.builder();
    for (String word : phoneKeywords()) {
      builder.add(word, word);
    }
    return builder.build();
  }

  /**
   * Words that label a phone number ({@code personaldata/phone-labels.txt}): {@link
   * #keywordBefore}, and {@link UnvalidatedPhones} (a number no numbering plan assigns needs one
   * next to it).
   */
  static List<String> phoneKeywords() {
    return PHONE_LABELS;
  }

  @Override
  public String name() {
    return "phone_number";
  }

  @Override
  public void find(String text, Tokens tokens, Sink sink) {
    // A number opens at a digit that starts a word, or at the '+' or '(' just before one.
    int next = 0;
    int[] starts = tokens.numberStarts();
    int[] atMost = digitsAtMost(tokens);
    for (int t = 0; t < starts.length; t++) {
      int digit = starts[t];
      // Fewer than 7 digits from here hold no number; a candidate opening here would skip the
      // starts it reads, which are skipped here too.
      if (digit < next || atMost[t] < 7) {
        continue;
      }
      char before = digit > 0 ? text.charAt(digit - 1) : ' ';
      if ((before == '+' || before == '(') && digit - 1 >= next) {
        next = Math.max(next, candidate(text, digit - 1, sink));
      }
      if (digit >= next) {
        next = Math.max(next, candidate(text, digit, sink));
      }
    }
  }

  /**
   * For each number start, at least as many digits as {@link #candidate} can read from it (or from
   * the {@code +} or bracket before it), from the number starts and the two characters after their
   * digits, without reading the text: the digits go on over a single separator to the next start
   * right after it; a second separator, an extension ({@code x}, {@code ext}) or a character
   * outside ASCII could take the candidate further, and counts as unbounded.
   */
  static int[] digitsAtMost(Tokens tokens) {
    int[] starts = tokens.numberStarts();
    int[] digits = tokens.numberDigits();
    int[] after = tokens.numberAfter();
    int[] afterNext = tokens.numberAfterNext();
    int[] atMost = new int[starts.length];
    for (int t = starts.length - 1; t >= 0; t--) {
      int sum = digits[t];
      int c = after[t];
      int next = starts[t] + digits[t] + 1;
      if (c >= 128 || extension(c)) {
        sum = UNBOUNDED;
      } else if (separator(c)) {
        if (t + 1 < starts.length && starts[t + 1] == next) {
          sum = Math.min(sum + atMost[t + 1], UNBOUNDED);
        } else if (afterNext[t] >= 128 || separator(afterNext[t]) || extension(afterNext[t])) {
          sum = UNBOUNDED;
        }
      }
      atMost[t] = sum;
    }
    return atMost;
  }

  private static final int UNBOUNDED = 1000;

  private static boolean separator(int c) {
    return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
  }

  private static boolean extension(int c) {
    return c == 'x' || c == 'e' || c == 'E';
  }

  /** Validates the number opening at {@code i}; returns where the next one may open. */
  private int candidate(String text, int i, Sink sink) {
    int length = text.length();
    char c = text.charAt(i);
    if (!Chars.startsWord(text, i) || (i > 0 && "+-./_".indexOf(text.charAt(i - 1)) >= 0)) {
      return i + 1;
    }
    int j = i + 1;
    int digits = Chars.digit(c) ? 1 : 0;
    while (j < length && digits <= 15) {
      char d = text.charAt(j);
      if (Chars.digit(d)) {
        digits++;
      } else if (d == ' ' || d == '-' || d == '.' || d == '(' || d == ')' || d == '/') {
        if (separatorRunTooLong(text, j)) {
          break;
        }
      } else {
        break;
      }
      j++;
    }
    int end = j;
    while (end > i && !Chars.digit(text.charAt(end - 1)) && text.charAt(end - 1) != ')') {
      end--;
    }
    int extended = extensionEnd(text, end);
    if (digits >= 7 && digits <= 15 && Chars.endsWord(text, extended)) {
      boolean separated = !allDigits(text, i, end);
      boolean e164Prefix = c == '0' && !dialsWith00 && e164Prefix(text, i, end);
      if ((separated || keywordBefore(text, i)) && !sink.claimed(i, extended)) {
        if ((c == '+' || e164Prefix || mayHoldValid(text, i, end)) && !dateLike(text, i, end)) {
          validate(text, i, extended, e164Prefix, sink);
        }
        // Nothing validated claimed the run: it may still be a phone number by how it is written.
        if (!sink.claimed(i, extended)) {
          unvalidated.find(text, i, end, extended, sink);
        }
      }
    }
    return Math.max(Math.max(j, extended), i + 1);
  }

  static boolean dateLike(String text, int start, int end) {
    return DATE_LIKE.matcher(text.substring(start, end)).matches();
  }

  /**
   * Where an extension written right after the number ends ({@code 877-547-3967x793}, {@code
   * 555-2671 ext. 12}), or {@code end} if none follows. libphonenumber reads the extension as part
   * of the number, so the match covers it.
   */
  static int extensionEnd(String text, int end) {
    int length = text.length();
    if (end == 0 || !Chars.digit(text.charAt(end - 1))) {
      return end;
    }
    int k = end < length && text.charAt(end) == ' ' ? end + 1 : end;
    if (k < length && text.charAt(k) == 'x') {
      k++;
    } else if (text.regionMatches(true, k, "ext", 0, 3)) {
      k += 3;
      if (k < length && text.charAt(k) == '.') {
        k++;
      }
      if (k < length && text.charAt(k) == ' ') {
        k++;
      }
    } else {
      return end;
    }
    int first = k;
    while (k < length && k - first < 7 && Chars.digit(text.charAt(k))) {
      k++;
    }
    return k > first && Chars.endsWord(text, k) ? k : end;
  }

  /**
   * True if the run opens with {@code 00} and a digit from 1 to 9, as numbers dialled with the
   * ITU-recommended international prefix are written ({@code 001-518-640-0854}): outside the
   * regions that dial {@code 00} (the US dials {@code 011}) libphonenumber does not read it.
   */
  private static boolean e164Prefix(String text, int start, int end) {
    return end - start > 4
        && text.charAt(start + 1) == '0'
        && text.charAt(start + 2) >= '1'
        && text.charAt(start + 2) <= '9';
  }

  private boolean mayHoldValid(String text, int start, int end) {
    StringBuilder digits = new StringBuilder(end - start);
    boolean spaced = false;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (Chars.digit(c)) {
        digits.append(c);
      } else {
        spaced |= c == ' ';
      }
    }
    // Without white space in the run, findNumbers can only accept the run as a whole.
    return spaced
        ? prefilter.mayHoldValidNumber(digits)
        : prefilter.mayBeValidWhole(digits) && prefilter.mayHoldValidNumber(digits);
  }

  private static boolean allDigits(String text, int start, int end) {
    for (int k = start; k < end; k++) {
      if (!Chars.digit(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  static boolean separatorRunTooLong(String text, int j) {
    char previous = text.charAt(j - 1);
    char current = text.charAt(j);
    if (Chars.digit(previous)) {
      return false;
    }
    // Two separators in a row are only normal around parentheses: "(0) 30", "(555) 123".
    return !(previous == ')' || current == '(' || previous == '(' && current == ' ');
  }

  /**
   * Asks libphonenumber which numbers the candidate holds ({@link PhoneValidator}); the label test
   * last: only numbers libphonenumber accepted pay for it.
   */
  private void validate(String text, int start, int end, boolean e164Prefix, Sink sink) {
    validator.validate(
        text,
        start,
        end,
        e164Prefix,
        (matchStart, matchEnd) -> {
          if (!labelledAsIdentifier(text, matchStart)) {
            sink.match(matchStart, matchEnd);
          }
        });
  }

  /** True if a national identifier's label names the value, and no phone keyword after it does. */
  static boolean labelledAsIdentifier(String text, int start) {
    int label = CheckedIdentifierDetector.labelEnd(NationalIdentifiers.LABELS, text, start);
    return label >= 0 && CheckedIdentifierDetector.labelEnd(PHONE_WORDS, text, start) < label;
  }

  /** True if a phone keyword ends at most {@value #KEYWORD_DISTANCE} characters before. */
  private static boolean keywordBefore(String text, int start) {
    int from = Math.max(0, start - KEYWORD_DISTANCE - 20);
    Tokens before = Tokens.of(text.subSequence(from, start));
    boolean[] found = {false};
    PHONE_WORDS.find(
        before,
        (word, keyword, wordStart, wordEnd) ->
            found[0] |= start - (from + wordEnd) <= KEYWORD_DISTANCE);
    return found[0];
  }

  @Override
  public String mask(String value) {
    return Chars.maskAllBut(value, 2);
  }
}

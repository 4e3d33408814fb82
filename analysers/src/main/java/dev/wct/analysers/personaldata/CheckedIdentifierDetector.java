package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.KeywordIndex;
import dev.wct.analysers.text.Tokens;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A national identifier with a published check digit: a shape tried at each word start, then the
 * checksum (and any date or range rule) of the value. Shapes that are only a run of digits (a BSN
 * is any nine digits) are reported only after one of the identifier's keywords, at most {@value
 * #KEYWORD_DISTANCE} characters before the value: in a database cell the column name counts ({@code
 * bsn: 123456782}), in text a label does ({@code Burgerservicenummer 123456782}).
 */
abstract class CheckedIdentifierDetector implements ValueDetector {
  static final int KEYWORD_DISTANCE = 40;

  private final String name;
  private final Pattern shape;
  private final int maxLength;
  private final boolean capitalStart;
  private final String firstChars;
  private final int lead;
  private final KeywordIndex<String> keywords;
  private final List<String> keywordList;
  // opens(length, after) for lengths below 64 and ASCII 'after' (0 standing for the end): bit
  // {@code length} of entry {@code after}. find() asks it for every number or capital start, and
  // the call to the subclass's opens() would be a virtual call that is not inlined.
  private final long[] opensTable = new long[128];
  // This detector's own group, for find() outside a ValueScanner; immutable, so a race only
  // builds it twice.
  private Group alone;

  /**
   * @param shape the value's written forms, tried with {@code lookingAt} from a word start
   * @param maxLength the longest value {@code shape} can match
   * @param capitalStart true if the value starts with a capital letter, false with a digit
   * @param firstChars the characters a value may start with, or {@code null} for any of its class
   * @param lead how many characters of that class (digits or capitals) every value starts with: a
   *     cheap test before the pattern, which most word starts (short numbers, words) fail
   * @param keywords the words of which one must come before a value whose {@link #needsKeyword} is
   *     true; empty if none ever needs one
   */
  CheckedIdentifierDetector(
      String name,
      String shape,
      int maxLength,
      boolean capitalStart,
      String firstChars,
      int lead,
      List<String> keywords) {
    this.name = name;
    this.shape = Pattern.compile(shape);
    this.maxLength = maxLength;
    this.capitalStart = capitalStart;
    this.firstChars = firstChars;
    this.lead = lead;
    KeywordIndex.Builder<String> builder = KeywordIndex.builder();
    keywords.forEach(keyword -> builder.add(keyword, keyword));
    this.keywords = builder.build();
    this.keywordList = List.copyOf(keywords);
    // Subclasses' opens() and leadingRun() read only their arguments and this class's fields.
    for (char after = 0; after < 128; after++) {
      for (int runLength = 0; runLength < 64; runLength++) {
        if (opens(runLength, after)) {
          opensTable[after] |= 1L << runLength;
        }
      }
    }
  }

  private boolean opensFast(int length, char after) {
    return length < 64 && after < 128
        ? (opensTable[after] & (1L << length)) != 0
        : opens(length, after);
  }

  /** The keywords that label this identifier. */
  List<String> keywords() {
    return keywordList;
  }

  /** True if the matched value passes its check digit and structure rules. */
  abstract boolean valid(Matcher value);

  /**
   * True if a value can open with a word of {@code length} digits (or capitals): by default at
   * least the {@code lead} every value opens with; a detector whose forms open with known runs (a
   * BSN: 9, or 4 in {@code 1234.56.782}, or 3 in {@code 123 456 782}) says so exactly.
   */
  boolean leadingRun(int length) {
    return length >= lead;
  }

  /**
   * True if a value can open with a word of {@code length} digits (or capitals) followed by {@code
   * after} ({@code '\0'} at the end of the text): by default {@link #leadingRun}; a detector whose
   * grouped forms open with a short run says which separator must follow it ({@code 943 476 5918}),
   * so that the many short numbers of ordinary text never reach the pattern. A digit-led opening
   * that needs a separator ({@code ' '}, {@code '-'}, {@code '.'} or {@code '+'}: false for {@code
   * '\0'}) must be a grouped form whose next group's digits follow that one separator: {@link
   * Group} drops it where they do not ({@code in 123 ms}).
   */
  boolean opens(int length, char after) {
    return leadingRun(length);
  }

  /** True if the matched form is too generic to report without a keyword before it. */
  boolean needsKeyword(Matcher value) {
    return false;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public void find(String text, Tokens tokens, Sink sink) {
    Group group = alone;
    if (group == null) {
      group = new Group(List.of(this));
      alone = group;
    }
    find(text, tokens, sink, group.openings(text, tokens)[0]);
  }

  /**
   * Tries the values opening at {@code candidates}: the indexes, into the number (or capital)
   * starts of {@code tokens}, of the words {@link #opens} accepts ({@link Group#openings}).
   */
  void find(String text, Tokens tokens, Sink sink, int[] candidates) {
    int length = text.length();
    int next = 0;
    Matcher matcher = null;
    int[] starts = capitalStart ? tokens.capitalStarts() : tokens.numberStarts();
    for (int t : candidates) {
      int i = starts[t];
      if (i < next
          || (firstChars != null && firstChars.indexOf(text.charAt(i)) < 0)
          || !Chars.startsWord(text, i)
          || glued(text, i)
          || capitalStart && !capitals(text, i + 1, i + lead)) {
        continue;
      }
      if (matcher == null) {
        matcher = shape.matcher(text);
      }
      matcher.region(i, Math.min(length, i + maxLength));
      if (!matcher.lookingAt()) {
        continue;
      }
      int end = matcher.end();
      if (!Chars.endsWord(text, end) || continues(text, end)) {
        continue;
      }
      if (valid(matcher)
          && (!needsKeyword(matcher) || keywordBefore(text, i))
          && !sink.claimed(i, end)) {
        sink.match(i, end);
        next = end;
      }
    }
  }

  /**
   * Detectors whose opening words are found together: one pass over the number starts and one over
   * the capital starts of a text, each word's run length and the character after it looked up once
   * in a table of which detectors can open there, instead of one pass per detector. Most words
   * (years, counts, capitalised words of prose) open no value.
   */
  static final class Group {
    private static final int LENGTHS = 64;

    private final List<CheckedIdentifierDetector> members;
    // Bit k of entry (after * 64 + length): member k opens with such a word. Digit-led and
    // capital-led members have separate tables, each read only for its own kind of start.
    private final long[] numberTable = new long[128 * LENGTHS];
    private final long[] capitalTable = new long[128 * LENGTHS];
    // Bit k of entry (after * 64 + length), for a separator after: digit-led member k opens there
    // only with a grouped form, whose next group starts right after the separator.
    private final long[] groupedTable = new long[128 * LENGTHS];
    private final long numberMembers;
    private final long capitalMembers;

    Group(List<CheckedIdentifierDetector> members) {
      if (members.size() > 64) {
        throw new IllegalArgumentException("at most 64 detectors in a group");
      }
      this.members = List.copyOf(members);
      long numbers = 0;
      long capitals = 0;
      for (int k = 0; k < members.size(); k++) {
        CheckedIdentifierDetector member = members.get(k);
        long[] table = member.capitalStart ? capitalTable : numberTable;
        if (member.capitalStart) {
          capitals |= 1L << k;
        } else {
          numbers |= 1L << k;
        }
        for (int after = 0; after < 128; after++) {
          for (int runLength = 0; runLength < LENGTHS; runLength++) {
            if (member.opensFast(runLength, (char) after)) {
              table[after * LENGTHS + runLength] |= 1L << k;
              if (!member.capitalStart
                  && separator((char) after)
                  && !member.opensFast(runLength, '\0')) {
                groupedTable[after * LENGTHS + runLength] |= 1L << k;
              }
            }
          }
        }
      }
      this.numberMembers = numbers;
      this.capitalMembers = capitals;
    }

    private static boolean separator(char c) {
      return c == ' ' || c == '-' || c == '.' || c == '+';
    }

    /**
     * For each member, in order, the indexes into its start list (number or capital starts) of the
     * words a value of it can open with, in text order.
     */
    int[][] openings(String text, Tokens tokens) {
      int[][] openings = new int[members.size()][];
      int[] counts = new int[members.size()];
      for (int k = 0; k < openings.length; k++) {
        openings[k] = new int[16];
      }
      if (numberMembers != 0) {
        collect(
            text,
            tokens.numberStarts(),
            tokens.numberLengths(),
            tokens.numberDigits(),
            tokens.numberAfter(),
            numberTable,
            numberMembers,
            openings,
            counts);
      }
      if (capitalMembers != 0) {
        collect(
            text,
            tokens.capitalStarts(),
            tokens.capitalLengths(),
            null,
            null,
            capitalTable,
            capitalMembers,
            openings,
            counts);
      }
      for (int k = 0; k < openings.length; k++) {
        openings[k] = java.util.Arrays.copyOf(openings[k], counts[k]);
      }
      return openings;
    }

    private void collect(
        String text,
        int[] starts,
        int[] lengths,
        int[] digits,
        int[] afterDigits,
        long[] table,
        long kind,
        int[][] openings,
        int[] counts) {
      int length = text.length();
      for (int t = 0; t < starts.length; t++) {
        int runLength = lengths[t];
        int afterAt = starts[t] + runLength;
        char after;
        if (digits != null && digits[t] == runLength) {
          // Read once for all the number detectors.
          after = afterDigits[t] < 0 ? '\0' : (char) afterDigits[t];
        } else {
          after = afterAt < length ? text.charAt(afterAt) : '\0';
        }
        long open;
        if (runLength < LENGTHS && after < 128) {
          open = table[after * LENGTHS + runLength];
          if (open != 0
              && digits != null
              && separator(after)
              && (t + 1 == starts.length || starts[t + 1] != afterAt + 1)) {
            // No number starts right after the separator: no grouped form goes on here.
            open &= ~groupedTable[after * LENGTHS + runLength];
          }
        } else {
          open = 0;
          for (int k = 0; k < members.size(); k++) {
            if ((kind & (1L << k)) != 0 && members.get(k).opens(runLength, after)) {
              open |= 1L << k;
            }
          }
        }
        while (open != 0) {
          int k = Long.numberOfTrailingZeros(open);
          open &= open - 1;
          if (counts[k] == openings[k].length) {
            openings[k] = java.util.Arrays.copyOf(openings[k], counts[k] * 2);
          }
          openings[k][counts[k]++] = t;
        }
      }
    }
  }

  /**
   * True if {@code [from, to)} are ASCII capitals: a capital-led value opens with {@code lead} of
   * them, which most capitalised words of prose ({@code Handler}) fail at their second letter,
   * before the pattern.
   */
  private static boolean capitals(String text, int from, int to) {
    if (to > text.length()) {
      return false;
    }
    for (int k = from; k < to; k++) {
      if (!Chars.upper(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** A value inside a longer code: {@code ORD-2024-000123}, {@code v1.2.3}, {@code a/b}. */
  private static boolean glued(String text, int i) {
    if (i == 0) {
      return false;
    }
    char before = text.charAt(i - 1);
    return "-./_+".indexOf(before) >= 0 && i > 1 && Chars.alnum(text.charAt(i - 2));
  }

  /** The value goes on after a separator: {@code 123456782-7}, {@code 123456782.5}. */
  private static boolean continues(String text, int end) {
    return end + 1 < text.length()
        && "-./_+".indexOf(text.charAt(end)) >= 0
        && Chars.alnum(text.charAt(end + 1));
  }

  private boolean keywordBefore(String text, int start) {
    return labelledBy(keywords, text, start);
  }

  /**
   * True if one of {@code labels} ends at most {@value #KEYWORD_DISTANCE} characters before {@code
   * start} with no digit between it and {@code start}.
   */
  static boolean labelledBy(KeywordIndex<String> labels, String text, int start) {
    return labelEnd(labels, text, start) >= 0;
  }

  /** Where the nearest of {@code labels} that labels the value at {@code start} ends, or -1. */
  static int labelEnd(KeywordIndex<String> labels, String text, int start) {
    int from = Math.max(0, start - KEYWORD_DISTANCE - 30);
    Tokens before = Tokens.of(text.subSequence(from, start));
    int[] nearest = {-1};
    labels.find(
        before,
        (word, keyword, wordStart, wordEnd) -> {
          int end = from + wordEnd;
          if (start - end <= KEYWORD_DISTANCE && end > nearest[0] && noDigit(text, end, start)) {
            nearest[0] = end;
          }
        });
    return nearest[0];
  }

  private static boolean noDigit(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (Chars.digit(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String mask(String value) {
    return Chars.maskAllBut(value, 2);
  }

  /** The digits of {@code value}, without separators. */
  static String digits(String value) {
    StringBuilder digits = new StringBuilder(value.length());
    for (int k = 0; k < value.length(); k++) {
      char c = value.charAt(k);
      if (Chars.digit(c)) {
        digits.append(c);
      }
    }
    return digits.toString();
  }

  static int digit(String digits, int index) {
    return digits.charAt(index) - '0';
  }

  static int number(String digits, int from, int to) {
    return Integer.parseInt(digits.substring(from, to));
  }

  static boolean realDate(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) {
      return false;
    }
    return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
  }
}

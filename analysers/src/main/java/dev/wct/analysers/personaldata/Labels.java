package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.Tokens;
import java.util.Arrays;
import java.util.Collection;

/**
 * The label window shared by the detectors that need a label next to a value ({@link CardLabels},
 * {@link UnvalidatedPhones}, {@link DocumentNumberDetector}): the value starts at most {@value
 * #DISTANCE} characters after the label ends, with at most {@value #WORDS_BETWEEN} words and no
 * digit between ({@code card number is 3598...}, {@code call me at 555...}, {@code passport no. is
 * C01X00T47}). A word is a run of letters, split before a capital that follows a lower-case letter
 * ({@code mobilePhone}), as {@link Tokens} splits words for the keyword pass.
 *
 * <p>A label that is a column's header in a delimited row ({@code employee_no,name,phone}) labels
 * nothing on a later line: the next row's first field there is another column's ({@link
 * #headsAColumn}). A label alone on its line ({@code Passport number:}) still takes the value on
 * the next.
 */
final class Labels {
  /** How far before a value its label may end. */
  static final int DISTANCE = 24;

  /** How many words may come between a label and its value. */
  static final int WORDS_BETWEEN = 2;

  /** What separates the fields of a delimited row: CSV, TSV, semicolons, pipes. */
  private static final String FIELD_DELIMITERS = ",;\t|";

  /**
   * Each label's words, lower case, as {@link Tokens} splits them, by the length of the first word:
   * a word read is compared with the labels that could start with it only.
   */
  private final String[][][] byFirstLength;

  private final int longest;

  private static final String[][] NONE = {};

  private Labels(Collection<String> labels) {
    String[][] words =
        labels.stream()
            .map(label -> Tokens.words(label).toArray(String[]::new))
            .filter(label -> label.length > 0)
            .toArray(String[][]::new);
    this.longest = Arrays.stream(words).mapToInt(label -> label.length).max().orElse(1);
    int maximumLength = Arrays.stream(words).mapToInt(label -> label[0].length()).max().orElse(0);
    this.byFirstLength = new String[maximumLength + 1][][];
    for (int length = 0; length <= maximumLength; length++) {
      int first = length;
      byFirstLength[length] =
          Arrays.stream(words).filter(label -> label[0].length() == first).toArray(String[][]::new);
    }
  }

  /** Labels of one or more words each ({@code phone}, {@code phone number}). */
  static Labels of(Collection<String> labels) {
    return new Labels(labels);
  }

  /**
   * Where the label nearest before a value starting at {@code start} starts, if one ends within the
   * window; else -1. Walks back word by word over the text itself (no tokens): most values have no
   * label.
   */
  int before(String text, int start) {
    int floor = Math.max(0, start - DISTANCE);
    int maximumWords = WORDS_BETWEEN + longest;
    int[] wordStarts = new int[maximumWords];
    int[] wordEnds = new int[maximumWords];
    int k = start;
    for (int word = 0; word < maximumWords; word++) {
      while (k > 0 && !letter(text.charAt(k - 1))) {
        if (Chars.digit(text.charAt(k - 1)) || (word <= WORDS_BETWEEN && k <= floor)) {
          return -1;
        }
        k--;
      }
      if (k == 0) {
        return -1;
      }
      wordEnds[word] = k;
      k = wordStart(text, k);
      wordStarts[word] = k;
      // Does a label of n words end at word 'word - n + 1', its first word the one just read?
      int length = wordEnds[word] - k;
      String[][] labels = length < byFirstLength.length ? byFirstLength[length] : NONE;
      for (String[] label : labels) {
        int last = word - label.length + 1;
        if (last >= 0 && last <= WORDS_BETWEEN && wordEnds[last] >= floor) {
          boolean matches = true;
          for (int w = 0; w < label.length && matches; w++) {
            int at = last + label.length - 1 - w;
            matches = same(text, wordStarts[at], wordEnds[at], label[w]);
          }
          if (matches) {
            return headsAColumn(text, k, wordEnds[last], start) ? -1 : k;
          }
        }
      }
    }
    return -1;
  }

  /**
   * Where the value after a label {@code [labelStart, labelEnd)} starts, if one does within the
   * window: the first run of letters and digits that holds a digit ({@code C01X00T47}, {@code 1234
   * 56789}), after at most {@value #WORDS_BETWEEN} words, and not on a later line when the label
   * {@linkplain #headsAColumn heads a column}; else -1.
   */
  static int valueAfter(String text, int labelStart, int labelEnd) {
    int start = firstValue(text, labelEnd);
    return start >= 0 && headsAColumn(text, labelStart, labelEnd, start) ? -1 : start;
  }

  /**
   * True if the label {@code [labelStart, labelEnd)} is in a column's header of a delimited row and
   * the value at {@code valueStart} is on a later line: there the label heads its own column, read
   * as a column ({@link PhoneColumns}, {@link DocumentColumns}), and the next row's first field is
   * another column's ({@code employee_no,name,phone} then {@code 100-2347,...}). The label's field
   * (between delimiters or the line's ends, one pair of quotes around it dropped) is a header when
   * it opens right after its delimiter and holds only a name's characters: letters, digits, spaces
   * and {@code _-.#/()'} ({@code passport_no}, {@code "Phone"}, {@code Telephone No}, {@code
   * guest_passport}). Prose puts a space after its comma and a colon after its label ({@code ...,
   * please phone}, {@code Name: Anna, Phone:}), so a label there still takes the next line's value.
   */
  static boolean headsAColumn(String text, int labelStart, int labelEnd, int valueStart) {
    int lineEnd = labelEnd;
    while (lineEnd < valueStart && !lineBreak(text.charAt(lineEnd))) {
      lineEnd++;
    }
    if (lineEnd == valueStart) {
      return false;
    }
    int fieldEnd = labelEnd;
    while (fieldEnd < lineEnd && FIELD_DELIMITERS.indexOf(text.charAt(fieldEnd)) < 0) {
      fieldEnd++;
    }
    int fieldStart = labelStart;
    while (fieldStart > 0
        && !lineBreak(text.charAt(fieldStart - 1))
        && FIELD_DELIMITERS.indexOf(text.charAt(fieldStart - 1)) < 0) {
      fieldStart--;
    }
    boolean delimited =
        fieldEnd < lineEnd
            || (fieldStart > 0 && FIELD_DELIMITERS.indexOf(text.charAt(fieldStart - 1)) >= 0);
    if (!delimited) {
      return false;
    }
    if (fieldStart < labelStart && text.charAt(fieldStart) == '"') {
      fieldStart++;
    }
    if (fieldEnd > labelEnd && text.charAt(fieldEnd - 1) == '"') {
      fieldEnd--;
    }
    if (text.charAt(fieldStart) == ' ') {
      return false;
    }
    for (int i = fieldStart; i < fieldEnd; i++) {
      char c = text.charAt(i);
      if (!letter(c) && !Chars.digit(c) && " _-.#/()'".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean lineBreak(char c) {
    return c == '\n' || c == '\r';
  }

  /** Where the first value after {@code labelEnd} starts within the window, or -1. */
  private static int firstValue(String text, int labelEnd) {
    int limit = Math.min(text.length(), labelEnd + DISTANCE + 1);
    int words = 0;
    int k = labelEnd;
    while (k < limit) {
      char c = text.charAt(k);
      if (Chars.digit(c)) {
        return k;
      }
      if (!letter(c)) {
        k++;
        continue;
      }
      int runEnd = k;
      while (runEnd < text.length() && letter(text.charAt(runEnd))) {
        runEnd++;
      }
      if (runEnd < text.length() && Chars.digit(text.charAt(runEnd))) {
        return k;
      }
      words++;
      for (int i = k + 1; i < runEnd; i++) {
        if (wordBreak(text, i)) {
          words++; // a capital after a lower-case letter starts a word: "IssuedBy"
        }
      }
      if (words > WORDS_BETWEEN) {
        return -1;
      }
      k = runEnd;
    }
    return -1;
  }

  /** True if the word {@code [from, to)} is a label of one word. */
  boolean isWord(String text, int from, int to) {
    if (to - from >= byFirstLength.length) {
      return false;
    }
    for (String[] label : byFirstLength[to - from]) {
      if (label.length == 1 && same(text, from, to, label[0])) {
        return true;
      }
    }
    return false;
  }

  /** Where the word ending at {@code end} starts: a run of letters, split before a capital. */
  static int wordStart(String text, int end) {
    int k = end;
    while (k > 0 && letter(text.charAt(k - 1))) {
      if (k < end && wordBreak(text, k)) {
        break;
      }
      k--;
    }
    return k;
  }

  private static boolean letter(char c) {
    return c < 128 ? Chars.letter(c) : Character.isLetter(c);
  }

  /**
   * True if a word starts at {@code i}: a capital after a lower-case letter ({@code mobilePhone}).
   */
  private static boolean wordBreak(String text, int i) {
    char c = text.charAt(i);
    char previous = text.charAt(i - 1);
    return (c < 128 ? Chars.upper(c) : Character.isUpperCase(c))
        && (previous < 128 ? previous >= 'a' && previous <= 'z' : Character.isLowerCase(previous));
  }

  /** True if {@code [from, to)} is {@code word}, ignoring case. */
  static boolean same(String text, int from, int to, String word) {
    return to - from == word.length() && text.regionMatches(true, from, word, 0, word.length());
  }
}

package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.KeywordIndex;
import java.util.List;

/**
 * Identity-document numbers (passports, driving licences, identity cards, residence permits)
 * written right after a keyword for the document ({@code Passport number: C01X00T47}, {@code
 * Reisepass Nr. X1234567}, {@code driving licence MORGA753116SM9IJ}): no issuer publishes a check
 * that fits all of them, so the number is recognised by its shape and reported through {@link
 * ValueDetector.Sink#matchByFormat} (a {@code format} signal). The same shape without such a
 * keyword (order numbers, references, ISBNs) is left alone.
 *
 * <p>The number starts within the {@link Labels} window after the keyword ({@code passport no. is};
 * the keywords are {@code personaldata/document-keywords.txt}); it is one token of {@value
 * #MINIMUM_LENGTH}–{@value #MAXIMUM_LENGTH} letters and digits, at least {@value #MINIMUM_DIGITS}
 * of them digits, optionally split once by a space or hyphen before a group with a digit ({@code
 * 1234 56789}). A token followed by a further group ({@code 2024-01-15}, {@code
 * 978-3-16-148410-0}), a dot and digits ({@code 1.2.345678}) or a letter is none.
 */
final class DocumentNumberDetector implements KeywordLedDetector<String> {
  static final int MINIMUM_LENGTH = 6;
  static final int MAXIMUM_LENGTH = 20;
  static final int MINIMUM_DIGITS = 5;

  private static final List<String> KEYWORDS = WordLists.read("document-keywords.txt");
  private static final KeywordIndex<String> DOCUMENT_WORDS = documentWords();

  /** The keywords for the documents, lower case: {@code passport}, {@code driving licence}. */
  static List<String> keywords() {
    return KEYWORDS;
  }

  private static KeywordIndex<String> documentWords() {
    KeywordIndex.Builder<String> builder = KeywordIndex.builder();
    for (String word : KEYWORDS) {
      builder.add(word, word);
    }
    return builder.build();
  }

  @Override
  public String name() {
    return "document_number";
  }

  @Override
  public KeywordIndex<String> cues() {
    return DOCUMENT_WORDS;
  }

  @Override
  public KeywordIndex.Hit<String> onCue(String text, Sink sink) {
    int[] lastEnd = {-1};
    return (word, keyword, start, end) -> {
      if (end < lastEnd[0]) {
        return;
      }
      int numberEnd = numberAfter(text, start, end, sink);
      if (numberEnd > 0) {
        lastEnd[0] = numberEnd;
      }
    };
  }

  /**
   * Reports the number after a keyword {@code [keywordStart, labelEnd)}, if one follows; returns
   * where it ends, or -1.
   */
  private static int numberAfter(String text, int keywordStart, int labelEnd, Sink sink) {
    int start = Labels.valueAfter(text, keywordStart, labelEnd);
    if (start < 0) {
      return -1;
    }
    int tokenEnd = start;
    while (tokenEnd < text.length() && Chars.alnum(text.charAt(tokenEnd))) {
      tokenEnd++;
    }
    return candidate(text, start, tokenEnd, sink);
  }

  /** Reports the token starting at {@code start}, first group ending at {@code firstEnd}. */
  private static int candidate(String text, int start, int firstEnd, Sink sink) {
    int end = shapeEnd(text, start, firstEnd);
    if (end < 0) {
      return -1;
    }
    if (sink.claimed(start, end)) {
      return end;
    }
    sink.matchByFormat(start, end);
    return end;
  }

  /**
   * True if {@code [start, end)} is as a whole a number of the document-number shape: a field of a
   * column headed for the document ({@link DocumentColumns}), whose header is its keyword.
   */
  static boolean numberField(String text, int start, int end) {
    int firstEnd = start;
    while (firstEnd < end && Chars.alnum(text.charAt(firstEnd))) {
      firstEnd++;
    }
    return firstEnd > start && shapeEnd(text, start, firstEnd) == end;
  }

  /**
   * Where the number of the document-number shape starting at {@code start}, first group ending at
   * {@code firstEnd}, ends; -1 if the token there is none.
   */
  private static int shapeEnd(String text, int start, int firstEnd) {
    // The tail of a longer reference: "passport ref-12345678", "passport fee 12/345678".
    if (start > 1
        && "-/".indexOf(text.charAt(start - 1)) >= 0
        && Chars.alnum(text.charAt(start - 2))) {
      return -1;
    }
    int end = firstEnd;
    if (end + 1 < text.length()
        && (text.charAt(end) == ' ' || text.charAt(end) == '-')
        && Chars.alnum(text.charAt(end + 1))) {
      int groupEnd = end + 1;
      boolean digit = false;
      while (groupEnd < text.length() && Chars.alnum(text.charAt(groupEnd))) {
        digit |= Chars.digit(text.charAt(groupEnd));
        groupEnd++;
      }
      if (digit) {
        end = groupEnd;
      } else if (text.charAt(end) == '-') {
        return -1; // "123456-abc": part of a longer reference
      }
    }
    if (followedByGroup(text, end)) {
      return -1;
    }
    int alnums = 0;
    int digits = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (Chars.alnum(c)) {
        alnums++;
        digits += Chars.digit(c) ? 1 : 0;
      }
    }
    if (alnums < MINIMUM_LENGTH || alnums > MAXIMUM_LENGTH || digits < MINIMUM_DIGITS) {
      return -1;
    }
    if (PhoneDetector.dateLike(text, start, end)) {
      return -1;
    }
    return end;
  }

  /**
   * True if a further group follows the token ending at {@code end}: a hyphen, dot, slash or
   * underscore, or a second space-separated group, then a letter or digit ({@code 2024-01-15},
   * {@code 1.2.345678}, an ISBN's groups).
   */
  private static boolean followedByGroup(String text, int end) {
    if (end >= text.length()) {
      return false;
    }
    char c = text.charAt(end);
    return "-./_".indexOf(c) >= 0 && end + 1 < text.length() && Chars.alnum(text.charAt(end + 1));
  }

  @Override
  public String mask(String value) {
    return Chars.maskAllBut(value, 1);
  }
}

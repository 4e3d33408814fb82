package dev.wct.analysers.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words of a text, as offsets. A word is a run of letters or of digits; punctuation, {@code _},
 * {@code -}, {@code .}, whitespace, letter/digit changes and camelCase humps ({@code userEmail},
 * {@code IPAddress}) all separate words. This is what gives keywords their word-boundary semantics:
 * {@code email} is a word of {@code user_email} and {@code email:}, but not of {@code emails}.
 */
public final class Tokens {
  private final CharSequence text;
  private final int length;
  private int[] starts;
  private int[] ends;
  private int[] hashes;
  private int count;
  // The words opening with an ASCII digit or capital, gathered while splitting: most detectors
  // only look at those.
  private int[] numberStarts;
  private int[] numberLengths;
  private int numberCount;
  private int[] capitalStarts;
  private int[] capitalLengths;
  private int capitalCount;
  private boolean trimmed;
  // What the number detectors look at first around each number start, read once for all of them
  // (numberContext()): each used to walk the starts and read the text around them again.
  private int[] numberDigits;
  private int[] numberBefore;
  private int[] numberAfter;
  private int[] numberAfterNext;

  private Tokens(CharSequence text, int capacity) {
    this.text = text;
    this.length = text.length();
    this.starts = new int[capacity];
    this.ends = new int[capacity];
    this.hashes = new int[capacity];
    this.numberStarts = new int[Math.max(16, capacity / 8)];
    this.numberLengths = new int[numberStarts.length];
    this.capitalStarts = new int[Math.max(16, capacity / 8)];
    this.capitalLengths = new int[capitalStarts.length];
  }

  public static Tokens of(CharSequence text) {
    Tokens tokens = new Tokens(text, Math.max(16, text.length() / 6));
    tokens.split();
    return tokens;
  }

  // The split reads the text a chunk at a time into a small buffer: indexing a char[] in the hot
  // loop is several times faster than charAt through the CharSequence interface, and a chunk that
  // stays in the cache costs far less than a copy of the whole text (for a large item, a copy is
  // an allocation outside the young generation, and a Latin-1 string is inflated to twice its
  // size).
  private static final int CHUNK = 8192;
  // How far split() looks past the character it is at (acronyms look two characters ahead).
  private static final int LOOKAHEAD = 2;

  /** Copies the chunk of the text from {@code base} into {@code buffer}, with the lookahead. */
  private static void load(CharSequence text, int base, int length, char[] buffer) {
    int end = Math.min(length, base + CHUNK + LOOKAHEAD);
    if (text instanceof String string) {
      string.getChars(base, end, buffer, 0);
    } else {
      for (int i = base; i < end; i++) {
        buffer[i - base] = text.charAt(i);
      }
    }
  }

  private char charAt(int index) {
    return text instanceof String string ? string.charAt(index) : text.charAt(index);
  }

  /** The words of {@code text}, lower-cased; used to normalise keywords. */
  public static List<String> words(CharSequence text) {
    Tokens tokens = of(text);
    List<String> words = new ArrayList<>(tokens.count);
    for (int i = 0; i < tokens.count; i++) {
      words.add(text.subSequence(tokens.starts[i], tokens.ends[i]).toString().toLowerCase());
    }
    return words;
  }

  private static final int OTHER = 0;
  private static final int LOWER = 1;
  private static final int UPPER = 2;
  private static final int DIGIT = 3;

  private static final byte[] ASCII = asciiClasses();

  private static byte[] asciiClasses() {
    byte[] classes = new byte[128];
    for (char c = 'a'; c <= 'z'; c++) {
      classes[c] = LOWER;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      classes[c] = UPPER;
    }
    for (char c = '0'; c <= '9'; c++) {
      classes[c] = DIGIT;
    }
    return classes;
  }

  private static int classOf(char c) {
    if (c < 128) {
      return ASCII[c];
    }
    if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
      return UPPER;
    }
    if (Character.isLetter(c)) {
      return LOWER;
    }
    return Character.isDigit(c) ? DIGIT : OTHER;
  }

  /** Splits the text and hashes each word lower-cased, in one pass. */
  private void split() {
    CharSequence text = this.text;
    int length = this.length;
    char[] chars = new char[Math.min(length, CHUNK + LOOKAHEAD)];
    int start = -1;
    char first = 0;
    int hash = 0;
    int previous = OTHER;
    int i = 0;
    for (int base = 0; base < length; base += CHUNK) {
      load(text, base, length, chars);
      // chars[i - base] is the character at i; the lookahead reads up to two further, so
      // chars[] holds the characters up to min(length, limit + LOOKAHEAD).
      int limit = Math.min(length, base + CHUNK);
      int end = Math.min(length, limit + LOOKAHEAD);
      for (; i < limit; i++) {
        char c = chars[i - base];
        int current = c < 128 ? ASCII[c] : classOf(c);
        if (current == OTHER) {
          if (start >= 0) {
            add(start, i, hash, first);
            start = -1;
          }
        } else if (start < 0) {
          start = i;
          first = c;
          hash = lower(c);
        } else if (current != previous && boundary(previous, current)
            || current == UPPER
                && previous == UPPER
                && i + 1 < end
                && classOf(chars[i + 1 - base]) == LOWER) {
          add(start, i, hash, first);
          start = i;
          first = c;
          hash = lower(c);
        } else {
          hash = 31 * hash + lower(c);
        }
        if (current == UPPER) {
          // A run of ASCII capitals goes on while the next one does not open a camelCase word:
          // the acronym test above would be false for it.
          while (i + 1 < limit
              && (c = chars[i + 1 - base]) >= 'A'
              && c <= 'Z'
              && (i + 2 >= end
                  || chars[i + 2 - base] < 128 && ASCII[chars[i + 2 - base]] != LOWER)) {
            hash = 31 * hash + (c + 32);
            i++;
          }
        } else if (current == LOWER || current == DIGIT) {
          // ASCII fast path: a run of the same class continues the word, no boundary to test.
          char low = current == LOWER ? 'a' : '0';
          char high = current == LOWER ? 'z' : '9';
          // Two characters a step: 31 * (31 * h + a) + b = 961 * h + 31 * a + b (int arithmetic
          // wraps alike), which halves the chain of dependent multiplications.
          char d;
          while (i + 2 < limit
              && (c = chars[i + 1 - base]) >= low
              && c <= high
              && (d = chars[i + 2 - base]) >= low
              && d <= high) {
            hash = 961 * hash + 31 * c + d;
            i += 2;
          }
          while (i + 1 < limit && (c = chars[i + 1 - base]) >= low && c <= high) {
            hash = 31 * hash + c;
            i++;
          }
        }
        previous = current;
      }
    }
    if (start >= 0) {
      add(start, length, hash, first);
    }
  }

  private static boolean boundary(int previous, int current) {
    return previous == DIGIT || current == DIGIT || previous == LOWER && current == UPPER;
  }

  private void add(int start, int end, int hash, char first) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
      hashes = Arrays.copyOf(hashes, count * 2);
    }
    starts[count] = start;
    ends[count] = end;
    hashes[count] = hash;
    count++;
    if (first >= '0' && first <= '9') {
      if (numberCount == numberStarts.length) {
        numberStarts = Arrays.copyOf(numberStarts, numberCount * 2);
        numberLengths = Arrays.copyOf(numberLengths, numberCount * 2);
      }
      numberStarts[numberCount] = start;
      numberLengths[numberCount++] = end - start;
    } else if (first >= 'A' && first <= 'Z') {
      if (capitalCount == capitalStarts.length) {
        capitalStarts = Arrays.copyOf(capitalStarts, capitalCount * 2);
        capitalLengths = Arrays.copyOf(capitalLengths, capitalCount * 2);
      }
      capitalStarts[capitalCount] = start;
      capitalLengths[capitalCount++] = end - start;
    }
  }

  /** Cuts the start lists to their length once, so that callers can loop over whole arrays. */
  private void trim() {
    if (!trimmed) {
      numberStarts = Arrays.copyOf(numberStarts, numberCount);
      numberLengths = Arrays.copyOf(numberLengths, numberCount);
      capitalStarts = Arrays.copyOf(capitalStarts, capitalCount);
      capitalLengths = Arrays.copyOf(capitalLengths, capitalCount);
      trimmed = true;
    }
  }

  public CharSequence text() {
    return text;
  }

  public int count() {
    return count;
  }

  public int start(int index) {
    return starts[index];
  }

  public int end(int index) {
    return ends[index];
  }

  /** The offsets of the words that start with an ASCII digit, in text order. */
  public int[] numberStarts() {
    trim();
    return numberStarts;
  }

  /**
   * The lengths of the words of {@link #numberStarts()}, index for index: the number of digits from
   * each start (a word does not mix letters and digits).
   */
  public int[] numberLengths() {
    trim();
    return numberLengths;
  }

  /**
   * The count of ASCII digits from each of {@link #numberStarts()}, index for index: the word's
   * length, unless a digit of another script continues the word.
   */
  public int[] numberDigits() {
    numberContext();
    return numberDigits;
  }

  /**
   * The character before each of {@link #numberStarts()}, or -1 for a start at the text's start.
   */
  public int[] numberBefore() {
    numberContext();
    return numberBefore;
  }

  /**
   * The character right after the ASCII digits of each of {@link #numberStarts()} (at {@code start
   * + numberDigits()[k]}), or -1 where the text ends there.
   */
  public int[] numberAfter() {
    numberContext();
    return numberAfter;
  }

  /**
   * The character after that of {@link #numberAfter()} (at {@code start + numberDigits()[k] + 1}),
   * or -1 where the text ends before it.
   */
  public int[] numberAfterNext() {
    numberContext();
    return numberAfterNext;
  }

  /** Reads, in one pass over the number starts, the digits and the characters around them. */
  private void numberContext() {
    if (numberDigits != null) {
      return;
    }
    trim();
    int count = numberCount;
    int[] digits = new int[count];
    int[] before = new int[count];
    int[] after = new int[count];
    int[] afterNext = new int[count];
    for (int k = 0; k < count; k++) {
      int start = numberStarts[k];
      int end = start + numberLengths[k];
      int j = start + 1; // the start is an ASCII digit
      char c = 0;
      while (j < end && (c = charAt(j)) >= '0' && c <= '9') {
        j++;
      }
      digits[k] = j - start;
      before[k] = start > 0 ? charAt(start - 1) : -1;
      after[k] = j < end ? c : j < length ? charAt(j) : -1;
      afterNext[k] = j + 1 < length ? charAt(j + 1) : -1;
    }
    this.numberAfterNext = afterNext;
    this.numberBefore = before;
    this.numberAfter = after;
    this.numberDigits = digits;
  }

  /** The offsets of the words that start with an ASCII capital, in text order. */
  public int[] capitalStarts() {
    trim();
    return capitalStarts;
  }

  /** The lengths of the words of {@link #capitalStarts()}, index for index. */
  public int[] capitalLengths() {
    trim();
    return capitalLengths;
  }

  /** The index of the word that starts at {@code offset}, or -1 if none does. */
  public int indexAt(int offset) {
    int index = Arrays.binarySearch(starts, 0, count, offset);
    return index >= 0 ? index : -1;
  }

  /** The length of word {@code index}. */
  public int length(int index) {
    return ends[index] - starts[index];
  }

  /** The first character of word {@code index}, lower-cased. */
  public char lowerFirst(int index) {
    return lower(charAt(starts[index]));
  }

  /** True if word {@code index} equals {@code lowerCaseWord}, ignoring case. */
  public boolean is(int index, String lowerCaseWord) {
    int start = starts[index];
    int length = ends[index] - start;
    if (length != lowerCaseWord.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (lower(charAt(start + i)) != lowerCaseWord.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The hash of word {@code index} lower-cased, equal to {@code String.hashCode} of that word. */
  public int hash(int index) {
    return hashes[index];
  }

  static char lower(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    return Character.toLowerCase(c);
  }
}

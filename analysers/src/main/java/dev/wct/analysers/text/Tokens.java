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
  private int[] starts;
  private int[] ends;
  private int count;

  private Tokens(CharSequence text, int capacity) {
    this.text = text;
    this.starts = new int[capacity];
    this.ends = new int[capacity];
  }

  public static Tokens of(CharSequence text) {
    Tokens tokens = new Tokens(text, Math.max(16, text.length() / 6));
    tokens.split();
    return tokens;
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

  private static int classOf(char c) {
    if (c < 128) {
      if (c >= 'a' && c <= 'z') {
        return LOWER;
      }
      if (c >= 'A' && c <= 'Z') {
        return UPPER;
      }
      if (c >= '0' && c <= '9') {
        return DIGIT;
      }
      return OTHER;
    }
    if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
      return UPPER;
    }
    if (Character.isLetter(c)) {
      return LOWER;
    }
    return Character.isDigit(c) ? DIGIT : OTHER;
  }

  private void split() {
    int length = text.length();
    int start = -1;
    int previous = OTHER;
    for (int i = 0; i < length; i++) {
      int current = classOf(text.charAt(i));
      if (current == OTHER) {
        if (start >= 0) {
          add(start, i);
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      } else if (boundary(previous, current, i, length)) {
        add(start, i);
        start = i;
      }
      previous = current;
    }
    if (start >= 0) {
      add(start, length);
    }
  }

  private boolean boundary(int previous, int current, int i, int length) {
    if ((previous == DIGIT) != (current == DIGIT)) {
      return true;
    }
    if (previous == LOWER && current == UPPER) {
      return true;
    }
    // The last capital of an acronym starts the next word: IPAddress -> IP, Address.
    return previous == UPPER
        && current == UPPER
        && i + 1 < length
        && classOf(text.charAt(i + 1)) == LOWER;
  }

  private void add(int start, int end) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
    }
    starts[count] = start;
    ends[count] = end;
    count++;
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

  /** True if word {@code index} equals {@code lowerCaseWord}, ignoring case. */
  public boolean is(int index, String lowerCaseWord) {
    int start = starts[index];
    int length = ends[index] - start;
    if (length != lowerCaseWord.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (lower(text.charAt(start + i)) != lowerCaseWord.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The hash of word {@code index} lower-cased, equal to {@code String.hashCode} of that word. */
  public int hash(int index) {
    int h = 0;
    for (int i = starts[index], end = ends[index]; i < end; i++) {
      h = 31 * h + lower(text.charAt(i));
    }
    return h;
  }

  static char lower(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    return Character.toLowerCase(c);
  }
}

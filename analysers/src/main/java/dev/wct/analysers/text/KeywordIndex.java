package dev.wct.analysers.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds keywords (single words or phrases such as {@code date of birth}) among the {@link Tokens}
 * of a text. A keyword matches whole words only, in any case and with any separator between its
 * words, so {@code date_of_birth}, {@code dateOfBirth} and {@code Date of birth} all match the
 * keyword {@code date of birth}. Immutable and thread-safe; lookups allocate nothing.
 *
 * @param <T> what a keyword stands for, e.g. its rule
 */
public final class KeywordIndex<T> {
  /** Receives one keyword occurrence: its value, keyword text and offsets in the text. */
  @FunctionalInterface
  public interface Hit<T> {
    void found(T value, String keyword, int start, int end);
  }

  private record Keyword<T>(String text, String[] words, T value) {}

  private final String[] slots;
  private final List<List<Keyword<T>>> bySlot;
  private final int mask;
  private final int size;
  // The slots of the first words by shape: lower-cased first letter (low byte) and length (63 for
  // 63 and longer). A word of the text is compared only with the first words of its shape, and
  // most words have a shape no keyword has; no word is hashed.
  private final int[][] slotsByShape = new int[256 * 64][];

  private KeywordIndex(List<String> keywords, List<T> values) {
    int capacity = Integer.highestOneBit(Math.max(4, keywords.size() * 4) - 1) << 1;
    this.slots = new String[capacity];
    this.bySlot = new ArrayList<>(capacity);
    for (int i = 0; i < capacity; i++) {
      bySlot.add(null);
    }
    this.mask = capacity - 1;
    for (int i = 0; i < keywords.size(); i++) {
      String[] words = Tokens.words(keywords.get(i)).toArray(String[]::new);
      if (words.length == 0) {
        throw new IllegalArgumentException("keyword '" + keywords.get(i) + "' has no words");
      }
      int slot = slotOf(words[0]);
      int shape = shape(words[0].charAt(0), words[0].length());
      int[] shapeSlots = slotsByShape[shape] == null ? new int[0] : slotsByShape[shape];
      if (slots[slot] == null) {
        shapeSlots = java.util.Arrays.copyOf(shapeSlots, shapeSlots.length + 1);
        shapeSlots[shapeSlots.length - 1] = slot;
        slotsByShape[shape] = shapeSlots;
      }
      slots[slot] = words[0];
      if (bySlot.get(slot) == null) {
        bySlot.set(slot, new ArrayList<>());
      }
      bySlot.get(slot).add(new Keyword<>(keywords.get(i), words, values.get(i)));
    }
    this.size = keywords.size();
  }

  /** Builds an index; each keyword is split into words the way {@link Tokens} splits text. */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** Collects keywords before building. */
  public static final class Builder<T> {
    private final List<String> keywords = new ArrayList<>();
    private final List<T> values = new ArrayList<>();

    public Builder<T> add(String keyword, T value) {
      keywords.add(Objects.requireNonNull(keyword, "keyword"));
      values.add(Objects.requireNonNull(value, "value"));
      return this;
    }

    public KeywordIndex<T> build() {
      return new KeywordIndex<>(keywords, values);
    }
  }

  private int slotOf(String word) {
    int slot = spread(word.hashCode()) & mask;
    while (slots[slot] != null && !slots[slot].equals(word)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  public int size() {
    return size;
  }

  /**
   * Reports every keyword occurrence in {@code tokens}, in text order. Where keywords overlap, the
   * longest wins and consumes its words: {@code email address} hides {@code address}.
   */
  public void find(Tokens tokens, Hit<T> hit) {
    int count = tokens.count();
    int i = 0;
    while (i < count) {
      List<Keyword<T>> candidates = candidates(tokens, i);
      int longest = 0;
      if (candidates != null) {
        for (Keyword<T> keyword : candidates) {
          if (keyword.words.length > longest && matchesFrom(tokens, i, keyword.words)) {
            longest = keyword.words.length;
          }
        }
        if (longest > 0) {
          for (Keyword<T> keyword : candidates) {
            if (keyword.words.length == longest && matchesFrom(tokens, i, keyword.words)) {
              hit.found(keyword.value, keyword.text, tokens.start(i), tokens.end(i + longest - 1));
            }
          }
        }
      }
      i += Math.max(1, longest);
    }
  }

  private static int shape(char lowerFirst, int length) {
    return (lowerFirst & 0xFF) << 6 | Math.min(length, 63);
  }

  private List<Keyword<T>> candidates(Tokens tokens, int index) {
    int[] shapeSlots = slotsByShape[shape(tokens.lowerFirst(index), tokens.length(index))];
    if (shapeSlots != null) {
      for (int slot : shapeSlots) {
        if (tokens.is(index, slots[slot])) {
          return bySlot.get(slot);
        }
      }
    }
    return null;
  }

  private static boolean matchesFrom(Tokens tokens, int first, String[] words) {
    if (first + words.length > tokens.count()) {
      return false;
    }
    for (int w = 1; w < words.length; w++) {
      if (!tokens.is(first + w, words[w])) {
        return false;
      }
    }
    return true;
  }
}

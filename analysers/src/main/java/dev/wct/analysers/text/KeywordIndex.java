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
  private final int[] slotHashes;
  private final List<List<Keyword<T>>> bySlot;
  private final int mask;
  private final int size;

  private KeywordIndex(List<String> keywords, List<T> values) {
    int capacity = Integer.highestOneBit(Math.max(4, keywords.size() * 4) - 1) << 1;
    this.slots = new String[capacity];
    this.slotHashes = new int[capacity];
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
      slots[slot] = words[0];
      slotHashes[slot] = words[0].hashCode();
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

  private List<Keyword<T>> candidates(Tokens tokens, int index) {
    int hash = tokens.hash(index);
    int slot = spread(hash) & mask;
    String word;
    while ((word = slots[slot]) != null) {
      if (slotHashes[slot] == hash && tokens.is(index, word)) {
        return bySlot.get(slot);
      }
      slot = (slot + 1) & mask;
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

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
  private final long[] filter = new long[FILTER_WORDS];

  // A bit per hash of a first word: most words of a text are no keyword's first word. With a few
  // hundred first words in 65,536 bits, one bit turns away all but about 1 % of them; the slots,
  // a quarter full, turn away three in four at the first probe and read a second array and more
  // slots for the others.
  private static final int FILTER_BITS = 1 << 16;
  private static final int FILTER_WORDS = FILTER_BITS / 64;

  private static int filterBit(int hash) {
    return (hash * 0x9E3779B9) >>> 16;
  }

  private static void addToFilter(long[] filter, int hash) {
    int bit = filterBit(hash);
    filter[bit >>> 6] |= 1L << bit;
  }

  private static boolean mayHold(long[] filter, int hash) {
    int bit = filterBit(hash);
    return (filter[bit >>> 6] & 1L << bit) != 0;
  }

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
      addToFilter(filter, words[0].hashCode());
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
      int longest = candidates == null ? 0 : matchAt(tokens, i, candidates, hit);
      i += Math.max(1, longest);
    }
  }

  /**
   * Reports the longest of {@code candidates} (keywords whose first word is word {@code i}) that
   * match from word {@code i}; returns how many words they take, 0 if none matches.
   */
  private static <T> int matchAt(Tokens tokens, int i, List<Keyword<T>> candidates, Hit<T> hit) {
    int longest = 0;
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
    return longest;
  }

  /**
   * Several indexes searched in one pass over the words: each word is looked up once in a table of
   * the first words of all of them, instead of once per index. Each index reports exactly what its
   * own {@link #find} would, in text order: where its keywords overlap, its longest still consumes
   * its words, independently of the other indexes.
   */
  public static final class Union {
    private final int indexes;
    private final String[] slots;
    private final int[] slotHashes;
    // Per slot, per index: the keywords of that index whose first word is the slot's, or null.
    private final List<?>[][] bySlot;
    private final int mask;
    private final long[] filter = new long[FILTER_WORDS];

    public Union(List<KeywordIndex<?>> indexes) {
      this.indexes = indexes.size();
      int words = 0;
      for (KeywordIndex<?> index : indexes) {
        words += index.size;
      }
      int capacity = Integer.highestOneBit(Math.max(4, words * 4) - 1) << 1;
      this.slots = new String[capacity];
      this.slotHashes = new int[capacity];
      this.bySlot = new List<?>[capacity][];
      this.mask = capacity - 1;
      for (int k = 0; k < indexes.size(); k++) {
        KeywordIndex<?> index = indexes.get(k);
        for (int s = 0; s < index.slots.length; s++) {
          String word = index.slots[s];
          if (word == null) {
            continue;
          }
          int slot = spread(word.hashCode()) & mask;
          while (slots[slot] != null && !slots[slot].equals(word)) {
            slot = (slot + 1) & mask;
          }
          if (slots[slot] == null) {
            slots[slot] = word;
            slotHashes[slot] = word.hashCode();
            bySlot[slot] = new List<?>[indexes.size()];
            addToFilter(filter, word.hashCode());
          }
          bySlot[slot][k] = index.bySlot.get(s);
        }
      }
    }

    /**
     * Reports the keywords of index {@code k} (in the order given to the constructor) to {@code
     * hits.get(k)}, as that index's {@link KeywordIndex#find} would.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void find(Tokens tokens, List<? extends Hit<?>> hits) {
      if (hits.size() != indexes) {
        throw new IllegalArgumentException(indexes + " hits expected, got " + hits.size());
      }
      int count = tokens.count();
      int[] next = new int[indexes];
      for (int i = 0; i < count; i++) {
        List<?>[] candidates = candidates(tokens, i);
        if (candidates == null) {
          continue;
        }
        for (int k = 0; k < indexes; k++) {
          if (candidates[k] != null && i >= next[k]) {
            int longest = matchAt(tokens, i, (List) candidates[k], (Hit) hits.get(k));
            if (longest > 0) {
              next[k] = i + longest;
            }
          }
        }
      }
    }

    private List<?>[] candidates(Tokens tokens, int index) {
      int hash = tokens.hash(index);
      if (!mayHold(filter, hash)) {
        return null;
      }
      int slot = spread(hash) & mask;
      String word;
      while ((word = slots[slot]) != null) {
        if (slotHashes[slot] == hash && tokens.is(index, word)) {
          return bySlot[slot];
        }
        slot = (slot + 1) & mask;
      }
      return null;
    }
  }

  /** Keyword occurrences kept in text order, to be handed on later ({@link #replay}). */
  public static final class Recorded<T> implements Hit<T> {
    private final List<T> values = new ArrayList<>();
    private final List<String> keywords = new ArrayList<>();
    private int[] offsets = new int[32];
    private int count;

    @Override
    public void found(T value, String keyword, int start, int end) {
      if (2 * count == offsets.length) {
        offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
      }
      values.add(value);
      keywords.add(keyword);
      offsets[2 * count] = start;
      offsets[2 * count + 1] = end;
      count++;
    }

    /** Hands every recorded occurrence to {@code hit}, in the order they were found. */
    public void replay(Hit<T> hit) {
      for (int n = 0; n < count; n++) {
        hit.found(values.get(n), keywords.get(n), offsets[2 * n], offsets[2 * n + 1]);
      }
    }
  }

  private List<Keyword<T>> candidates(Tokens tokens, int index) {
    int hash = tokens.hash(index);
    if (!mayHold(filter, hash)) {
      return null;
    }
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

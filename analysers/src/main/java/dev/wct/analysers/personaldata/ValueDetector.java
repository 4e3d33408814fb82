package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.Tokens;

/**
 * Finds values of one kind (e-mail addresses, IBANs, ...) and validates them beyond their shape.
 * Stateless and thread-safe.
 */
interface ValueDetector {
  /** Receives the offsets of one validated value. */
  @FunctionalInterface
  interface Sink {
    void match(int start, int end);

    /** True if an earlier detector already reported a value overlapping the range. */
    default boolean claimed(int start, int end) {
      return false;
    }
  }

  /** The stable name used in rulesets and in {@code matched_patterns}. */
  String name();

  /** Reports every validated value in {@code text} (split into {@code tokens}), in text order. */
  void find(String text, Tokens tokens, Sink sink);

  /** The value with its identifying part hidden, for evidence snippets. */
  String mask(String value);
}

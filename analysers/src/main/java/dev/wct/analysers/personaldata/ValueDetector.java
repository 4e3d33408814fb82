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

    /**
     * Receives the offsets of a value recognised by how it is written but not validated (a phone
     * number in international format of a possible length that no numbering plan assigns): it is
     * reported with a {@code format} signal and a lower confidence than a validated value.
     */
    default void matchByFormat(int start, int end) {
      match(start, end);
    }

    /**
     * True if a detector (an earlier one, or this one) already reported a value overlapping the
     * range. {@link PhoneDetector} asks it after validating a candidate, to send what nothing
     * claimed to {@link UnvalidatedPhones}: a sink that tracks nothing gets both.
     */
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

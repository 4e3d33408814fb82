package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.KeywordIndex;
import dev.wct.analysers.text.Tokens;

/**
 * A value detector that looks for a value only after one of its cue words (a birth keyword, an
 * honorific). The analyser finds the cues of all such detectors in its one keyword pass over the
 * text ({@link KeywordIndex.Union}) and hands them on ({@link ValueScanner}); on its own, the
 * detector finds its cues itself.
 *
 * @param <T> what a cue stands for
 */
interface KeywordLedDetector<T> extends ValueDetector {
  /** The cue words. */
  KeywordIndex<T> cues();

  /** Looks for a value after each cue handed to the returned hit, in text order. */
  KeywordIndex.Hit<T> onCue(String text, Sink sink);

  @Override
  default void find(String text, Tokens tokens, Sink sink) {
    cues().find(tokens, onCue(text, sink));
  }
}

package dev.wct.analysers.personaldata;

import dev.wct.analysers.common.EvidenceSettings;
import dev.wct.analysers.common.SnippetFactory;
import dev.wct.analysers.common.TextItem;
import dev.wct.analysers.text.Tokens;
import java.util.List;
import java.util.Objects;

/**
 * Cuts evidence snippets and, unless redaction is {@code none}, masks every personal value the
 * built-in detectors find in them ({@code j***@example.com}, {@code **** **** **** 4242}, {@code
 * DE**************3000}, {@code ***-**-6789}). The value of a database cell is masked even when no
 * detector recognises it (a surname, a diagnosis): only its first character is kept. Used by every
 * detection analyser, so that no report becomes a copy of the data it describes.
 */
public final class Redactor implements SnippetFactory {
  /** How far a window grows to avoid cutting a value in two. */
  private static final int WORD_SLACK = 40;

  private static final int NOT_A_CELL = Integer.MAX_VALUE;

  private final EvidenceSettings settings;
  private final ValueScanner scanner;

  public Redactor(EvidenceSettings settings, String phoneRegion) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.scanner = ValueScanner.all(phoneRegion);
  }

  @Override
  public String snippet(TextItem item, int start, int end) {
    String text = item.text();
    int context = settings.contextSize().characters();
    int from = context >= text.length() ? 0 : Math.max(0, start - context);
    int to = context >= text.length() ? text.length() : Math.min(text.length(), end + context);
    from = growLeft(text, from);
    to = growRight(text, to);
    String window = text.substring(from, to);
    if (settings.redaction() == EvidenceSettings.Redaction.NONE) {
      return window.strip();
    }
    int cellStart = item.cellValueStart() < 0 ? NOT_A_CELL : item.cellValueStart() - from;
    return mask(window, cellStart).strip();
  }

  /**
   * Masks the values in {@code window}. Letters and digits after {@code cellStart} belong to a
   * database cell's value and are masked too; a negative {@code cellStart} means the value began
   * before the window.
   */
  String mask(String window, int cellStart) {
    List<ValueScanner.Match> matches = scanner.scan(window, Tokens.of(window));
    StringBuilder out = new StringBuilder(window.length());
    int position = 0;
    for (ValueScanner.Match match : matches) {
      appendPlain(out, window, position, match.start(), cellStart);
      out.append(match.detector().mask(window.substring(match.start(), match.end())));
      position = match.end();
    }
    appendPlain(out, window, position, window.length(), cellStart);
    return out.toString();
  }

  private static void appendPlain(
      StringBuilder out, String window, int from, int to, int cellStart) {
    for (int i = from; i < to; i++) {
      char c = window.charAt(i);
      out.append(i > cellStart && Character.isLetterOrDigit(c) ? '*' : c);
    }
  }

  private static int growLeft(String text, int from) {
    int limit = Math.max(0, from - WORD_SLACK);
    while (from > limit && !Character.isWhitespace(text.charAt(from - 1))) {
      from--;
    }
    return from;
  }

  private static int growRight(String text, int to) {
    int limit = Math.min(text.length(), to + WORD_SLACK);
    while (to < limit && !Character.isWhitespace(text.charAt(to))) {
      to++;
    }
    return to;
  }
}

package dev.wct.analysers.personaldata;

import dev.wct.analysers.common.CsvColumns;
import dev.wct.analysers.common.EvidenceSettings;
import dev.wct.analysers.common.SnippetFactory;
import dev.wct.analysers.common.TextItem;
import dev.wct.analysers.ruleset.Rule;
import dev.wct.analysers.ruleset.Ruleset;
import dev.wct.analysers.text.Tokens;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts evidence snippets and, unless redaction is {@code none}, masks them so that no word or
 * number of the scanned content is left in clear: the one place every analyser's evidence goes
 * through.
 *
 * <p>With {@code mask}, a word (a run of letters, digits and combining marks, in any script) keeps
 * its shape and at most its first letter: {@code Smith} becomes {@code S****}, {@code Sup3rS3cret}
 * {@code S**********}, {@code 1958} {@code ****}. Values the built-in detectors recognise are
 * masked by their detector first and may keep the last (at most 4) digits of an identifier: {@code
 * j***@e******.c**}, {@code **** **** **** 4242}, {@code D***************3000}, {@code
 * ***-**-6789}. Only these stay in clear:
 *
 * <ul>
 *   <li>the words of the ruleset's keywords (what the finding is about: {@code email}, {@code
 *       diagnosis});
 *   <li>structural names: the column name of a database cell, the header line of a CSV file, the
 *       keys of a JSON document.
 * </ul>
 *
 * Words cut at the edge of the snippet are masked like any other, so a value cannot escape its
 * detector by being cut in two.
 */
public final class Redactor implements SnippetFactory {
  /** How far a window grows to avoid cutting a value in two. */
  private static final int WORD_SLACK = 40;

  /** The most digits an identifier's mask may keep in clear. */
  static final int MAX_TAIL_DIGITS = 4;

  private static final char MASK = '*';

  /** A JSON object key: a string followed by a colon. */
  private static final Pattern JSON_KEY =
      Pattern.compile("\"(?:[^\"\\\\\\r\\n]|\\\\.){1,200}\"\\s*:");

  private final EvidenceSettings settings;
  private final ValueScanner scanner;
  private final Set<String> keywords;

  /** A redactor that keeps no keyword in clear. */
  public Redactor(EvidenceSettings settings, String phoneRegion) {
    this(settings, phoneRegion, List.of());
  }

  /**
   * @param keywords words (or phrases, split into words) left in clear, case-insensitively
   */
  public Redactor(EvidenceSettings settings, String phoneRegion, Collection<String> keywords) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.scanner = ValueScanner.all(phoneRegion);
    Set<String> words = new HashSet<>();
    for (String keyword : Objects.requireNonNull(keywords, "keywords")) {
      for (String word : Tokens.words(keyword)) {
        // Single letters ("s" of "driver's") are no keyword, and would unmask a letter anywhere.
        if (word.length() > 1 && word.codePoints().anyMatch(Character::isLetter)) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    }
    this.keywords = Set.copyOf(words);
  }

  /**
   * A redactor that keeps the keywords of {@code ruleset} in clear; those of rules for database
   * column names only ({@code amount}, {@code date}) are never matched in text and stay masked
   * there.
   */
  public static Redactor forRuleset(
      EvidenceSettings settings, String phoneRegion, Ruleset ruleset) {
    Set<String> keywords = new HashSet<>();
    for (Rule rule : ruleset.rules()) {
      if (!rule.context().columnsOnly()) {
        keywords.addAll(rule.keywords());
      }
    }
    return new Redactor(settings, phoneRegion, keywords);
  }

  @Override
  public String snippet(TextItem item, int start, int end) {
    String text = item.text();
    int context = settings.contextSize().characters();
    int from = context >= text.length() ? 0 : Math.max(0, start - context);
    int to = context >= text.length() ? text.length() : Math.min(text.length(), end + context);
    // Not back into the header rows a file's later chunk repeats: they are not this item's text.
    from = Math.max(item.contentStart(), growLeft(text, from));
    to = growRight(text, to);
    String window = text.substring(from, to);
    if (settings.redaction() == EvidenceSettings.Redaction.NONE) {
      return window.strip();
    }
    return mask(window, structural(item, from, to)).strip();
  }

  /** Masks {@code text} as a whole, knowing nothing of its structure (for tests). */
  String mask(String text) {
    return mask(text, new boolean[text.length()]);
  }

  /**
   * Masks every word of {@code window} except keywords and the characters flagged {@code
   * structural}; detected values are masked by their detector, then held to the identifier rule.
   */
  String mask(String window, boolean[] structural) {
    Tokens tokens = Tokens.of(window);
    boolean[] clear = structural.clone();
    if (!keywords.isEmpty()) {
      for (int t = 0; t < tokens.count(); t++) {
        String word = window.substring(tokens.start(t), tokens.end(t));
        if (keywords.contains(word.toLowerCase(Locale.ROOT))) {
          Arrays.fill(clear, tokens.start(t), tokens.end(t), true);
        }
      }
    }
    StringBuilder out = new StringBuilder(window.length());
    int position = 0;
    for (ValueScanner.Match match : scanner.scan(window, tokens)) {
      if (match.start() < position) {
        continue;
      }
      maskWords(out, window, position, match.start(), clear);
      String value = window.substring(match.start(), match.end());
      out.append(identifier(match.detector().mask(value)));
      position = match.end();
    }
    maskWords(out, window, position, window.length(), clear);
    return out.toString();
  }

  /**
   * Appends {@code text[from, to)} with every word masked: each keeps its shape, its first letter
   * and the characters flagged {@code clear} (keywords and structural names).
   */
  private static void maskWords(StringBuilder out, String text, int from, int to, boolean[] clear) {
    boolean wordStart = true;
    for (int i = from; i < to; ) {
      int c = text.codePointAt(i);
      if (!isWordChar(c)) {
        out.appendCodePoint(c);
        wordStart = true;
      } else {
        if (clear[i] || (wordStart && Character.isLetter(c))) {
          out.appendCodePoint(c);
        } else {
          out.append(MASK);
        }
        wordStart = false;
      }
      i += Character.charCount(c);
    }
  }

  /**
   * Holds a detector's mask to the rule: each word keeps at most its first letter, and only the
   * last {@value #MAX_TAIL_DIGITS} digits of the value may stay in clear.
   */
  static String identifier(String masked) {
    boolean[] tail = new boolean[masked.length()];
    int kept = 0;
    for (int i = masked.length(); i > 0 && kept < MAX_TAIL_DIGITS; ) {
      int c = masked.codePointBefore(i);
      i -= Character.charCount(c);
      if (Character.isDigit(c)) {
        tail[i] = true;
        kept++;
      } else if (isWordChar(c) || c == MASK) {
        break;
      }
    }
    StringBuilder out = new StringBuilder(masked.length());
    boolean wordStart = true;
    for (int i = 0; i < masked.length(); ) {
      int c = masked.codePointAt(i);
      if (!isWordChar(c)) {
        out.appendCodePoint(c);
        wordStart = c != MASK;
      } else {
        boolean clear = tail[i] || (wordStart && Character.isLetter(c));
        if (clear) {
          out.appendCodePoint(c);
        } else {
          out.append(MASK);
        }
        wordStart = false;
      }
      i += Character.charCount(c);
    }
    return out.toString();
  }

  /** Letters, digits and the marks that combine with them, in any script. */
  static boolean isWordChar(int c) {
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.SURROGATE
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /**
   * Flags the characters of {@code text[from, to)} that are structural names: a cell's column name,
   * a CSV file's or sheet's header line, JSON object keys.
   */
  static boolean[] structural(TextItem item, int from, int to) {
    boolean[] flags = new boolean[to - from];
    String text = item.text();
    int cellStart = item.cellValueStart();
    if (cellStart >= 0) {
      flag(flags, from, 0, item.column().length());
    }
    if (CsvColumns.isTabular(item)) {
      int header = csvHeaderEnd(text);
      if (header > 0) {
        flag(flags, from, 0, header);
      }
    }
    if (isJson(item, cellStart)) {
      Matcher key = JSON_KEY.matcher(text).region(from, to);
      while (key.find()) {
        flag(flags, from, key.start(), key.end());
      }
    }
    return flags;
  }

  private static void flag(boolean[] flags, int from, int start, int end) {
    for (int i = Math.max(start, from); i < Math.min(end, from + flags.length); i++) {
      flags[i - from] = true;
    }
  }

  private static boolean isJson(TextItem item, int cellStart) {
    if (cellStart >= 0) {
      String value = item.text().substring(cellStart).stripLeading();
      return value.startsWith("{") || value.startsWith("[");
    }
    String lower = item.filePath() == null ? "" : item.filePath().toLowerCase(Locale.ROOT);
    return lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson");
  }

  /** Where the header line of a CSV text ends, or -1: {@link CsvColumns#headerEnd}. */
  static int csvHeaderEnd(String text) {
    return CsvColumns.headerEnd(text);
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

package dev.wct.analysers.purpose;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What each part of a file is: code, a string literal that names something (a URL, a package, a
 * hook), a string literal that is text for people (a UI label, a translated message), a comment, or
 * prose (a README, a template's text, a translation file, a stylesheet). A lexer, not a parser: it
 * follows comments and quotes per family of languages (by extension) and the switches between
 * markup and code ({@code <?php ... ?>}, {@code <script>}), which is enough to tell a word in an
 * identifier or a call from the same word in a label or a sentence.
 */
final class CodeRegions {
  /** The kind of text at an offset. */
  enum Region {
    /** Identifiers, calls, keywords of a language. */
    CODE,
    /** A string literal without whitespace: a URL, route, import path, package, hook or key. */
    SYMBOL,
    /** A string literal with whitespace, or the argument of a translation call: text for people. */
    TEXT,
    /** A comment. */
    COMMENT,
    /** Prose and markup text: documents, templates outside their code, translations, styles. */
    PROSE;

    /** Whether a keyword here is evidence of processing: code or a symbol, not words for people. */
    boolean isCode() {
      return this == CODE || this == SYMBOL;
    }
  }

  private enum Family {
    C_LIKE,
    PHP,
    HASH,
    SQL,
    MARKUP,
    JSON,
    PROSE
  }

  private static final Map<String, Family> FAMILIES = families();

  private static final java.util.Set<String> LOCK_FILES =
      java.util.Set.of(
          "package-lock.json",
          "npm-shrinkwrap.json",
          "yarn.lock",
          "pnpm-lock.yaml",
          "composer.lock",
          "gemfile.lock",
          "poetry.lock",
          "pipfile.lock",
          "cargo.lock",
          "go.sum");

  /**
   * A call whose string argument is text for people: gettext and WordPress translation functions,
   * {@code t('...')}, {@code i18n}.
   */
  private static final Pattern TRANSLATION_CALL =
      Pattern.compile(
          "(?:^|[^\\w$])(?:__|_e|_x|_n|_nx|_ex|esc_html__|esc_html_e|esc_html_x|esc_attr__|esc_attr_e"
              + "|esc_attr_x|gettext|ngettext|_|t|\\$t|i18n|translate|trans)\\s*\\(\\s*$");

  private final int[] starts;
  private final Region[] regions;
  private final int count;

  private CodeRegions(int[] starts, Region[] regions, int count) {
    this.starts = starts;
    this.regions = regions;
    this.count = count;
  }

  /** The regions of {@code text}, read as the language of {@code filePath} (null: prose). */
  static CodeRegions of(String filePath, String text) {
    Builder builder = new Builder(text);
    Family family = familyOf(filePath);
    switch (family) {
      case PROSE -> builder.mark(0, Region.PROSE);
      case MARKUP -> builder.markup(0, text.length(), false);
      case PHP -> builder.markup(0, text.length(), true);
      default -> builder.code(0, text.length(), family);
    }
    return new CodeRegions(builder.starts, builder.regions, builder.count);
  }

  /** The region the character at {@code offset} belongs to. */
  Region at(int offset) {
    int index = Arrays.binarySearch(starts, 0, count, offset);
    if (index < 0) {
      index = -index - 2;
    }
    return index < 0 ? Region.PROSE : regions[index];
  }

  private static Family familyOf(String filePath) {
    if (filePath == null) {
      return Family.PROSE;
    }
    String name = filePath.substring(filePath.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return Family.PROSE;
    }
    if (LOCK_FILES.contains(name)) {
      // Every transitive dependency, none of which the code itself calls: no evidence.
      return Family.PROSE;
    }
    return FAMILIES.getOrDefault(name.substring(dot + 1), Family.PROSE);
  }

  private static Map<String, Family> families() {
    Map<String, Family> map = new java.util.HashMap<>();
    for (String extension :
        "js mjs cjs jsx ts tsx mts cts java kt kts cs go rs swift c h cpp cc cxx hpp hh hxx scala dart groovy"
            .split(" ")) {
      map.put(extension, Family.C_LIKE);
    }
    for (String extension : "php phtml php5 php7 inc".split(" ")) {
      map.put(extension, Family.PHP);
    }
    for (String extension :
        "py pyw rb rake sh bash zsh pl pm r yaml yml toml ini conf cfg env properties".split(" ")) {
      map.put(extension, Family.HASH);
    }
    map.put("sql", Family.SQL);
    for (String extension : "html htm xhtml vue svelte twig erb jsp xml svg hbs ejs".split(" ")) {
      map.put(extension, Family.MARKUP);
    }
    map.put("json", Family.JSON);
    return Map.copyOf(map);
  }

  /** Writes region starts while it lexes; adjacent equal regions are merged. */
  private static final class Builder {
    private final String text;
    private int[] starts = new int[64];
    private Region[] regions = new Region[64];
    private int count;

    Builder(String text) {
      this.text = text;
    }

    void mark(int start, Region region) {
      if (count > 0 && regions[count - 1] == region) {
        return;
      }
      if (count > 0 && starts[count - 1] == start) {
        count--;
        if (count > 0 && regions[count - 1] == region) {
          return;
        }
      }
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        regions = Arrays.copyOf(regions, count * 2);
      }
      starts[count] = start;
      regions[count] = region;
      count++;
    }

    /**
     * Markup from {@code from} to {@code to}: text between tags is prose, quoted attribute values
     * are strings, {@code <script>} bodies are JavaScript, and with {@code php} the {@code <?php}
     * blocks are PHP.
     */
    void markup(int from, int to, boolean php) {
      int i = from;
      mark(i, Region.PROSE);
      while (i < to) {
        if (php && text.startsWith("<?", i)) {
          int codeStart = i + 2;
          if (text.startsWith("php", codeStart)) {
            codeStart += 3;
          } else if (text.startsWith("=", codeStart)) {
            codeStart += 1;
          }
          i = code(codeStart, to, Family.PHP);
          if (i < to) {
            i += 2; // ?>
          }
          mark(i, Region.PROSE);
        } else if (text.startsWith("<!--", i)) {
          int end = text.indexOf("-->", i + 4);
          i = end < 0 ? to : Math.min(to, end + 3);
        } else if (text.charAt(i) == '<' && i + 1 < to && Character.isLetter(text.charAt(i + 1))) {
          i = tag(i, to, php);
        } else {
          i++;
        }
      }
    }

    /** A start tag: its quoted attribute values are strings; a script's body is JavaScript. */
    private int tag(int start, int to, boolean php) {
      int i = start + 1;
      while (i < to && text.charAt(i) != '>') {
        char c = text.charAt(i);
        if (php && text.startsWith("<?", i)) {
          return i; // markup() switches to PHP
        }
        if (c == '"' || c == '\'') {
          i = string(i, to, Family.MARKUP);
          mark(i, Region.PROSE);
        } else {
          i++;
        }
      }
      boolean script = text.regionMatches(true, start, "<script", 0, 7);
      if (i < to) {
        i++;
      }
      if (script) {
        int end = indexOfIgnoreCase("</script", i, to);
        code(i, end, Family.C_LIKE);
        mark(end, Region.PROSE);
        return end;
      }
      return i;
    }

    private int indexOfIgnoreCase(String needle, int from, int to) {
      for (int i = from; i + needle.length() <= to; i++) {
        if (text.regionMatches(true, i, needle, 0, needle.length())) {
          return i;
        }
      }
      return to;
    }

    /** Code from {@code from}; returns where it ends: {@code to}, or a PHP block's {@code ?>}. */
    int code(int from, int to, Family family) {
      int i = from;
      mark(i, Region.CODE);
      while (i < to) {
        char c = text.charAt(i);
        if (family == Family.PHP && c == '?' && i + 1 < to && text.charAt(i + 1) == '>') {
          return i;
        }
        int comment = commentLength(i, to, family);
        if (comment > 0) {
          mark(i, Region.COMMENT);
          i = comment == Integer.MAX_VALUE ? to : endOfComment(i, to, family);
          if (family == Family.PHP && i < to && text.startsWith("?>", i)) {
            return i;
          }
          mark(i, Region.CODE);
        } else if (c == '"' || c == '\'' || c == '`' && family == Family.C_LIKE) {
          i = string(i, to, family);
          mark(i, Region.CODE);
        } else {
          i++;
        }
      }
      return to;
    }

    /** Non-zero when a comment opens at {@code i}. */
    private int commentLength(int i, int to, Family family) {
      char c = text.charAt(i);
      char next = i + 1 < to ? text.charAt(i + 1) : 0;
      return switch (family) {
        case C_LIKE, PHP ->
            c == '/' && (next == '/' || next == '*') || family == Family.PHP && c == '#' ? 1 : 0;
        case HASH -> c == '#' ? 1 : 0;
        case SQL -> c == '-' && next == '-' || c == '/' && next == '*' ? 1 : 0;
        default -> 0;
      };
    }

    /** Where the comment opening at {@code i} ends (a PHP line comment also ends at {@code ?>}). */
    private int endOfComment(int i, int to, Family family) {
      if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        return end < 0 || end >= to ? to : end + 2;
      }
      int line = text.indexOf('\n', i);
      int end = line < 0 || line >= to ? to : line;
      if (family == Family.PHP) {
        int close = text.indexOf("?>", i);
        if (close >= 0 && close < end) {
          return close;
        }
      }
      return end;
    }

    /**
     * A string literal opening at {@code open}: marked {@link Region#SYMBOL} or {@link
     * Region#TEXT}; returns the offset after its closing quote.
     */
    private int string(int open, int to, Family family) {
      char quote = text.charAt(open);
      boolean triple =
          family == Family.HASH
              && open + 2 < to
              && text.charAt(open + 1) == quote
              && text.charAt(open + 2) == quote;
      int i = open + (triple ? 3 : 1);
      boolean whitespace = false;
      while (i < to) {
        char c = text.charAt(i);
        if (c == '\\' && family != Family.MARKUP && family != Family.SQL) {
          i += 2;
          continue;
        }
        if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), i))) {
          break;
        }
        if (c == '\n' && quote != '`' && !triple && family != Family.MARKUP) {
          break; // an unclosed quote (an apostrophe in a comment-free line): stop at the line
        }
        whitespace |= Character.isWhitespace(c);
        i++;
      }
      boolean forPeople = whitespace || TRANSLATION_CALL.matcher(lineBefore(open)).find();
      mark(open, forPeople ? Region.TEXT : Region.SYMBOL);
      return Math.min(to, i + (i < to ? (triple ? 3 : 1) : 0));
    }

    private String lineBefore(int offset) {
      int start = Math.max(0, offset - 40);
      return text.substring(start, offset);
    }
  }
}

package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.KeywordIndex;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person names in text. By their context: one to three capitalised words right after an honorific
 * ({@code Mr}, {@code Dr}, {@code Frau}, {@code Mme}...) or {@code Dear}, two or three after a name
 * label with a colon ({@code Name:}, {@code Patient name:}, {@code "full_name": "…"}), or alone on
 * the line after a sign-off ({@code Kind regards,}). Words that address a role rather than a person
 * ({@code Dear Customer}, {@code Name: Not Provided}) stop the match.
 *
 * <p>By hand-written lists ({@link NameLists}), without context, reported as a {@code format} match
 * (recognised by its shape, not proven): a listed given name followed by one or two capitalised
 * words of which the last is a listed surname ({@code Maria Kowalski}), or, weaker, a listed given
 * name followed by one capitalised word that is not a place, street, organisation, month or
 * frequent English word ({@code Krisztián Szöllösy}). Given names that are also ordinary words or
 * places ({@code May}, {@code Will}, {@code Grace}, {@code Paris}) need a listed surname. A run
 * right after a number or a place word ({@code 12 John Street}, {@code Lake George}) or followed by
 * one ({@code John Smith Street}) is not a name.
 */
final class PersonNameDetector implements KeywordLedDetector<PersonNameDetector.Cue> {
  /** A capitalised word: an upper-case letter, then lower case, with inner capitals (McDonald). */
  private static final String WORD = "\\p{Lu}\\p{Ll}+(?:[-'’]?\\p{Lu}?\\p{Ll}+)*";

  private static final Pattern AFTER_HONORIFIC =
      Pattern.compile("\\.?[ \\t]+(" + WORD + "(?:[ \\t]+" + WORD + "){0,2})");
  private static final Pattern AFTER_LABEL =
      Pattern.compile(
          "[\"']?[ \\t]*[:=][ \\t]*[\"']?[ \\t]*("
              + WORD
              + "(?:[ \\t]+"
              + WORD
              + "){1,2})(?![\\p{L}\\d])");
  private static final Pattern AFTER_SIGN_OFF =
      Pattern.compile(
          "[ \\t]*,?[ \\t]*\\r?\\n[ \\t]*("
              + WORD
              + "(?:[ \\t]+"
              + WORD
              + "){1,2})[ \\t]*(?:\\r?\\n|$)");

  /** A run of capitalised words starting at a given name, for the list rule. */
  private static final Pattern CAPITALISED_RUN =
      Pattern.compile(WORD + "(?:[ \\t]+" + WORD + "){0,3}(?![\\p{L}\\d])");

  private static final NameLists LISTS = NameLists.SHIPPED;

  /** Capitalised words that make the name after them part of a place ({@code Lake George}). */
  private static final Set<String> PLACE_PREFIXES =
      Set.of(
          "lake", "mount", "mt", "fort", "port", "saint", "st", "san", "santa", "sankt", "cape",
          "new", "north", "south", "east", "west", "upper", "lower", "great", "little", "isle");

  /** Capitalised words that name a role, a placeholder or a greeting, not a person. */
  private static final Set<String> NOT_NAMES =
      Set.of(
          "customer",
          "customers",
          "client",
          "clients",
          "user",
          "users",
          "member",
          "members",
          "team",
          "sir",
          "madam",
          "madame",
          "colleague",
          "colleagues",
          "all",
          "friend",
          "friends",
          "reader",
          "applicant",
          "candidate",
          "patient",
          "parent",
          "parents",
          "guardian",
          "partner",
          "partners",
          "not",
          "none",
          "unknown",
          "null",
          "nil",
          "undefined",
          "string",
          "text",
          "required",
          "optional",
          "first",
          "last",
          "full",
          "given",
          "family",
          "your",
          "our",
          "the",
          "this",
          "that",
          "best",
          "kind",
          "warm",
          "thanks",
          "thank",
          "hello",
          "hi",
          "dear",
          "sender",
          "admin",
          "administrator",
          "support",
          "example",
          "test",
          "sample",
          "demo",
          "default",
          "value",
          "name",
          "names",
          "here",
          "placeholder",
          "anonymous",
          "redacted",
          "private",
          "hidden",
          "new",
          "old",
          "other",
          "yes",
          "no",
          "true",
          "false",
          "provided",
          "available",
          "applicable",
          "specified",
          "set");

  enum Cue {
    HONORIFIC(AFTER_HONORIFIC),
    LABEL(AFTER_LABEL),
    SIGN_OFF(AFTER_SIGN_OFF),
    GIVEN_NAME(CAPITALISED_RUN);

    /** What follows the cue when a name does. */
    final Pattern pattern;

    Cue(Pattern pattern) {
      this.pattern = pattern;
    }
  }

  private static final KeywordIndex<Cue> CUES = cueWords();

  private static KeywordIndex<Cue> cueWords() {
    KeywordIndex.Builder<Cue> builder = KeywordIndex.builder();
    for (String word :
        List.of(
            "mr",
            "mrs",
            "ms",
            "miss",
            "mx",
            "dr",
            "prof",
            "dear",
            "herr",
            "frau",
            "mme",
            "mlle",
            "monsieur",
            "madame",
            "sr",
            "sra",
            "sig",
            "signor",
            "signora",
            "dhr",
            "mevr")) {
      builder.add(word, Cue.HONORIFIC);
    }
    for (String word :
        List.of(
            "name",
            "full name",
            "fullname",
            "customer name",
            "patient name",
            "contact name",
            "employee name",
            "account holder",
            "account holder name",
            "cardholder name",
            "card holder",
            "passenger name",
            "guest name",
            "attn",
            "attention",
            "signed",
            "signature",
            "nom",
            "nom complet",
            "vorname und nachname",
            "nombre")) {
      builder.add(word, Cue.LABEL);
    }
    for (String word :
        List.of(
            "regards",
            "kind regards",
            "best regards",
            "warm regards",
            "sincerely",
            "yours sincerely",
            "yours faithfully",
            "best wishes",
            "cheers",
            "mit freundlichen grüßen",
            "cordialement",
            "saludos",
            "met vriendelijke groet")) {
      builder.add(word, Cue.SIGN_OFF);
    }
    for (String word : LISTS.givenNames()) {
      builder.add(word, Cue.GIVEN_NAME);
    }
    for (String word : LISTS.ambiguousGivenNames()) {
      if (!LISTS.givenNames().contains(word)) {
        builder.add(word, Cue.GIVEN_NAME);
      }
    }
    return builder.build();
  }

  @Override
  public String name() {
    return "person_name";
  }

  @Override
  public KeywordIndex<Cue> cues() {
    return CUES;
  }

  @Override
  public KeywordIndex.Hit<Cue> onCue(String text, Sink sink) {
    int[] lastEnd = {-1};
    // One matcher per cue kind for the whole item, built on first use: a cue is a common word
    // ("name", "dear"), and a new Matcher per cue allocated its group and state arrays each time.
    Matcher[] matchers = new Matcher[Cue.values().length];
    return (cue, keyword, start, end) -> {
      if (end < lastEnd[0] || !cueStandsAlone(text, start, end, cue)) {
        return;
      }
      Matcher m = matchers[cue.ordinal()];
      if (m == null) {
        m = cue.pattern.matcher(text);
        matchers[cue.ordinal()] = m;
      }
      if (cue == Cue.GIVEN_NAME) {
        if (start < lastEnd[0]) {
          return;
        }
        m.region(start, Math.min(text.length(), start + 120));
        int nameEnd = m.lookingAt() ? listedNameEnd(text, start, m.group()) : -1;
        if (nameEnd > 0) {
          sink.matchByFormat(start, nameEnd);
          lastEnd[0] = nameEnd;
        }
        return;
      }
      m.region(end, Math.min(text.length(), end + 120));
      if (m.lookingAt() && looksLikeAName(m.group(1))) {
        sink.match(m.start(1), m.end(1));
        lastEnd[0] = m.end(1);
      }
    };
  }

  /**
   * An honorific is a capitalised word of its own ({@code Dr Smith}, not {@code dr} in a path); a
   * label or sign-off is not glued to a longer identifier ({@code username:} is no name label).
   */
  private static boolean cueStandsAlone(String text, int start, int end, Cue cue) {
    if (start > 0) {
      char before = text.charAt(start - 1);
      if (Character.isLetterOrDigit(before) || "_.$/\\-".indexOf(before) >= 0) {
        return false;
      }
    }
    return cue != Cue.HONORIFIC || Character.isUpperCase(text.charAt(start));
  }

  /**
   * The end offset of the person's name that starts at {@code start} with a listed given name and
   * goes on with {@code run}'s capitalised words, or -1 if the list rule finds none there.
   */
  private static int listedNameEnd(String text, int start, String run) {
    String[] words = run.split("[ \\t]+");
    String given = lower(words[0]);
    boolean ambiguous = LISTS.ambiguousGivenNames().contains(given);
    if (words.length < 2
        || !(ambiguous || LISTS.givenNames().contains(given))
        || afterNumberOrPlaceWord(text, start)) {
      return -1;
    }
    int take = 0;
    for (int last = Math.min(3, words.length) - 1; last >= 1 && take == 0; last--) {
      if (LISTS.surnames().contains(lower(words[last])) && noneIsAWord(words, 1, last)) {
        take = last + 1;
      }
    }
    if (take == 0 && !ambiguous && noneIsAWord(words, 1, 2)) {
      take = 2;
    }
    if (take == 0 || (take < words.length && isNotNameWord(words[take]))) {
      return -1;
    }
    int end = start;
    for (int i = 0; i < take; i++) {
      end = text.indexOf(words[i], end) + words[i].length();
    }
    return end;
  }

  /** True if none of {@code words[from..to)} is an ordinary capitalised word. */
  private static boolean noneIsAWord(String[] words, int from, int to) {
    for (int i = from; i < to; i++) {
      if (isNotNameWord(words[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNotNameWord(String word) {
    String lower = lower(word);
    return LISTS.notNameWords().contains(lower) || NOT_NAMES.contains(lower);
  }

  /** A house number ({@code 12 John Street}) or a capitalised place word ({@code Lake George}). */
  private static boolean afterNumberOrPlaceWord(String text, int start) {
    int i = start;
    while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    if (i == start || i == 0) {
      return false;
    }
    if (Character.isDigit(text.charAt(i - 1))) {
      return true;
    }
    int wordStart = i;
    while (wordStart > 0 && Character.isLetter(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    return wordStart < i
        && Character.isUpperCase(text.charAt(wordStart))
        && PLACE_PREFIXES.contains(lower(text.substring(wordStart, i)));
  }

  private static String lower(String word) {
    return word.toLowerCase(Locale.ROOT);
  }

  private static boolean looksLikeAName(String words) {
    for (String word : words.split("[ \\t]+")) {
      if (NOT_NAMES.contains(word.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String mask(String value) {
    return Chars.maskAllBut(value, 0);
  }
}

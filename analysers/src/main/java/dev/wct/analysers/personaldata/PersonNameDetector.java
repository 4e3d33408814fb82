package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.KeywordIndex;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person names in text, found by their context only, never from a list of names: one to three
 * capitalised words right after an honorific ({@code Mr}, {@code Dr}, {@code Frau}, {@code Mme}...)
 * or {@code Dear}, two or three after a name label with a colon ({@code Name:}, {@code Patient
 * name:}, {@code "full_name": "…"}), or alone on the line after a sign-off ({@code Kind regards,}).
 * Words that address a role rather than a person ({@code Dear Customer}, {@code Name: Not
 * Provided}) stop the match. Names without such context are not found.
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
    SIGN_OFF(AFTER_SIGN_OFF);

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

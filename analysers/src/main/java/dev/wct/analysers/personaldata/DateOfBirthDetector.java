package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.KeywordIndex;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth: a real calendar date (1900–2099) within {@value #WINDOW} characters after a birth
 * keyword ({@code dob}, {@code date of birth}, {@code born}, {@code birthday}, {@code
 * geburtsdatum}, ...). Other dates (timestamps, release dates) are not personal data by their shape
 * alone and are not reported.
 */
final class DateOfBirthDetector implements KeywordLedDetector<String> {
  static final int WINDOW = 40;
  private static final String MONTH =
      "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
  private static final Pattern DATE =
      Pattern.compile(
          "(?<![\\d])(?:"
              + "(?<y1>(?:19|20)\\d\\d)([-/.])(?<m1>\\d{1,2})\\2(?<d1>\\d{1,2})"
              + "|(?<a>\\d{1,2})([-/.])(?<b>\\d{1,2})\\6(?<y2>(?:19|20)\\d\\d)"
              + "|(?<d3>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<m3>"
              + MONTH
              + ")\\s+(?<y3>(?:19|20)\\d\\d)"
              + "|(?<m4>"
              + MONTH
              + ")\\s+(?<d4>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y4>(?:19|20)\\d\\d)"
              + ")(?![\\d])",
          Pattern.CASE_INSENSITIVE);
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final KeywordIndex<String> BIRTH_WORDS = birthWords();

  private static KeywordIndex<String> birthWords() {
    KeywordIndex.Builder<String> builder = KeywordIndex.builder();
    for (String word :
        List.of(
            "dob",
            "d.o.b",
            "date of birth",
            "birth date",
            "birthdate",
            "birthday",
            "born",
            "born on",
            "birth",
            "geburtsdatum",
            "geboren",
            "geburtstag",
            "fecha de nacimiento",
            "date de naissance",
            "né le",
            "née le",
            "data di nascita",
            "geboortedatum")) {
      builder.add(word, word);
    }
    return builder.build();
  }

  @Override
  public String name() {
    return "date_of_birth";
  }

  @Override
  public KeywordIndex<String> cues() {
    return BIRTH_WORDS;
  }

  @Override
  public KeywordIndex.Hit<String> onCue(String text, Sink sink) {
    int[] lastEnd = {-1};
    Matcher matcher = DATE.matcher(text);
    return (word, keyword, start, end) -> {
      if (end < lastEnd[0]) {
        return;
      }
      matcher.region(end, Math.min(text.length(), end + WINDOW));
      while (matcher.find()) {
        if (matcher.start() >= lastEnd[0] && realDate(matcher)) {
          sink.match(matcher.start(), matcher.end());
          lastEnd[0] = matcher.end();
          return;
        }
      }
    };
  }

  private static boolean realDate(Matcher m) {
    try {
      if (m.group("y1") != null) {
        return date(m.group("y1"), m.group("m1"), m.group("d1"));
      }
      if (m.group("y2") != null) {
        // Day-first (Europe) or month-first (US): either reading that is a real date counts.
        return date(m.group("y2"), m.group("b"), m.group("a"))
            || date(m.group("y2"), m.group("a"), m.group("b"));
      }
      if (m.group("y3") != null) {
        return date(m.group("y3"), month(m.group("m3")), m.group("d3"));
      }
      return date(m.group("y4"), month(m.group("m4")), m.group("d4"));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String month(String name) {
    return String.valueOf(MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) + 1);
  }

  private static boolean date(String year, String month, String day) {
    try {
      LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  @Override
  public String mask(String value) {
    return Chars.maskAllBut(value, 0);
  }
}

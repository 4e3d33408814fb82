package dev.wct.analysers.personaldata;

import dev.wct.analysers.common.CsvColumns;
import dev.wct.analysers.common.Findings;
import dev.wct.analysers.common.TextItem;
import dev.wct.analysers.ruleset.DetectorBinding;
import dev.wct.analysers.ruleset.Rule;
import dev.wct.analysers.ruleset.Ruleset;
import dev.wct.analysers.text.KeywordIndex;
import dev.wct.analysers.text.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Person names in a name column of a CSV file, a sheet or a database table: a column headed with a
 * word for people ({@code customer}, {@code guest_name}), or headed {@code name}, {@code full_name}
 * or {@code display_name} in a file of people ({@link PersonTables}' table of people: a person word
 * in the file or sheet name, or a column named for a name, e-mail, date of birth or gender; a
 * {@code customer_id} column only links a row to a person, whose {@code name} may be a product's).
 * Each field of two or three capitalised words ({@code Anna Berg}) is a name found by the ruleset's
 * {@code person_name} detector, whose context here is the column rather than a label in the text; a
 * name the shipped lists found there by its format is corroborated by the column, and counts as
 * validated. A database column is read the same way in a table of people of the catalogue.
 *
 * <p>A column of one name per value ({@code first_name}, {@code given_name}, {@code forename};
 * {@code last_name}, {@code surname}, {@code family_name}), in any file or table, holds a person's
 * given name or surname: a value there that is on the shipped lists ({@link NameLists}: given names
 * in a given-name column, surnames in a surname column; {@code Mary}, {@code MARY} or {@code mary}
 * alike, and {@code Mary-Jane} when each part is listed) is a name corroborated by the column, a
 * validated value. A value on no list is not reported from its column (a capitalised word is not a
 * name by its capital alone): the column's name still is. A ruleset without that detector or
 * without {@code person_context} finds none this way.
 */
final class NameColumns {
  static final String DETECTOR = "person_name";

  /** A capitalised word: an upper-case letter, then lower case, with inner capitals (McDonald). */
  private static final String WORD = "\\p{Lu}\\p{Ll}+(?:[-'’]?\\p{Lu}?\\p{Ll}+)*";

  private static final Pattern NAME = Pattern.compile(WORD + "(?:[ \\t]+" + WORD + "){1,2}");

  /** One name in a given-name or surname column: letters, or parts joined by a hyphen or space. */
  private static final Pattern LONE_NAME = Pattern.compile("\\p{L}+(?:(?:[-'’]| +)\\p{L}+){0,2}");

  private static final Pattern PARTS = Pattern.compile("[-'’ ]+");

  private static final NameLists LISTS = NameLists.SHIPPED;

  /** Given names for a given-name column, the ambiguous ones included: the column says which. */
  private static final Set<String> GIVEN_NAMES = given();

  /** The header words of a column of given names, after an optional person word. */
  private static final Set<List<String>> GIVEN_HEADERS =
      Set.of(
          List.of("first", "name"),
          List.of("firstname"),
          List.of("fname"),
          List.of("given", "name"),
          List.of("givenname"),
          List.of("forename"));

  /** The header words of a column of surnames, after an optional person word. */
  private static final Set<List<String>> FAMILY_HEADERS =
      Set.of(
          List.of("last", "name"),
          List.of("lastname"),
          List.of("lname"),
          List.of("surname"),
          List.of("family", "name"),
          List.of("familyname"));

  /** The header words of a name column without a person word. */
  private static final Set<List<String>> NAME_HEADERS =
      Set.of(
          List.of("name"),
          List.of("full", "name"),
          List.of("fullname"),
          List.of("display", "name"));

  /** Placeholders, roles and company words in a name-shaped field. */
  private static final Set<String> NOT_NAMES =
      Set.of(
          "unknown",
          "none",
          "not",
          "test",
          "user",
          "customer",
          "guest",
          "anonymous",
          "tbd",
          "null",
          "sample",
          "example",
          "dummy",
          "corp",
          "inc",
          "ltd",
          "llc",
          "plc",
          "limited",
          "company",
          "group",
          "holdings",
          "services",
          "solutions",
          "systems");

  /**
   * What a column's header says: a person word, a bare name header, a column of given names or of
   * surnames (one name a value), or none of these.
   */
  private enum Header {
    NONE,
    PERSON,
    NAME,
    GIVEN,
    FAMILY;

    /** The names a value of a one-name column must be on, or null for a column of full names. */
    Set<String> lone() {
      return this == GIVEN ? GIVEN_NAMES : this == FAMILY ? LISTS.surnames() : null;
    }
  }

  /** How many headers {@link #header} keeps: a database's columns, many times over. */
  private static final int HEADERS_KEPT = 4096;

  private final String category;
  // Every cell of a database column asks: its header is read once (bounded, shared by threads).
  private final Map<String, Header> headers = new ConcurrentHashMap<>();
  private final KeywordIndex<String> personWords;
  private final KeywordIndex<Rule> columnNames;
  private final Set<String> personCategories;

  private NameColumns(
      String category,
      KeywordIndex<String> personWords,
      KeywordIndex<Rule> columnNames,
      Set<String> personCategories) {
    this.category = category;
    this.personWords = personWords;
    this.columnNames = columnNames;
    this.personCategories = personCategories;
  }

  /**
   * The name columns of {@code ruleset}; none when it binds no {@code person_name} detector or has
   * no {@code person_context}.
   *
   * @param personWords the ruleset's person words ({@link PersonTables#personWords})
   * @param columnNames every rule's keywords, for the columns that show a person
   */
  static NameColumns of(
      Ruleset ruleset,
      KeywordIndex<String> personWords,
      KeywordIndex<Rule> columnNames,
      Set<String> personCategories) {
    String category =
        ruleset.detectors().stream()
            .filter(binding -> binding.detector().equals(DETECTOR))
            .map(DetectorBinding::category)
            .findFirst()
            .orElse(null);
    return new NameColumns(
        personWords.size() == 0 ? null : category, personWords, columnNames, personCategories);
  }

  /**
   * The name columns of one item: those of a CSV file or sheet ({@code columns}, their {@code
   * indexes} and {@code headers}), or a database cell's value ({@code columns} null, the value from
   * {@code cellStart} to {@code cellEnd}, its column's header the only one of {@code headers}).
   */
  record InItem(
      CsvColumns columns, List<Integer> indexes, List<Header> headers, int cellStart, int cellEnd) {
    /** Calls {@code consumer} with each field of the name columns, in text order per column. */
    void forEachField(CsvColumns.FieldConsumer consumer) {
      if (columns == null) {
        consumer.accept(cellStart, cellEnd);
        return;
      }
      for (int index : indexes) {
        columns.forEachField(index, consumer);
      }
    }
  }

  /**
   * The name columns of {@code item}, or null when it has none: a CSV file or sheet of people, or a
   * database cell of a name column.
   *
   * @param tableOfPeople for a database cell, whether its table holds a person ({@link
   *     PersonTables}: {@link Rule.Person#TABLE} in the catalogue)
   */
  InItem columns(TextItem item, boolean tableOfPeople) {
    if (category == null) {
      return null;
    }
    if (item.isCell()) {
      return cell(item, tableOfPeople);
    }
    if (!CsvColumns.isTabular(item)) {
      return null;
    }
    CsvColumns columns = CsvColumns.of(item);
    if (columns == null) {
      return null;
    }
    List<String> names = columns.names();
    boolean people = PersonTables.has(personWords, fileName(item));
    for (int i = 0; i < names.size() && !people; i++) {
      people = PersonTables.named(columnNames, names.get(i), personCategories);
    }
    List<Integer> indexes = new ArrayList<>();
    List<Header> headers = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Header header = header(names.get(i));
      if (nameColumn(header, people)) {
        indexes.add(i);
        headers.add(header);
      }
    }
    return indexes.isEmpty()
        ? null
        : new InItem(columns, List.copyOf(indexes), List.copyOf(headers), -1, -1);
  }

  /** A database cell's value when its column is a name column. */
  private InItem cell(TextItem item, boolean tableOfPeople) {
    String column = item.column() == null ? "" : item.column();
    Header header = header(column);
    if (!nameColumn(header, tableOfPeople)) {
      return null;
    }
    int start = item.cellValueStart();
    if (start < 0) {
      return null;
    }
    String text = item.text();
    int end = text.length();
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return start < end ? new InItem(null, List.of(), List.of(header), start, end) : null;
  }

  /**
   * What the text scan found, with the names it recognised by their format only (a listed name,
   * kind {@code format}) in a name column taken as validated: the column corroborates them, as a
   * phone label does a number.
   *
   * @param found what the text scan found in the item, ordered by start
   */
  List<ValueScanner.Match> corroborate(InItem seen, List<ValueScanner.Match> found) {
    if (seen == null || found.isEmpty()) {
      return found;
    }
    List<ValueScanner.Match> corroborated = new ArrayList<>(found);
    boolean[] changed = {false};
    int[] next = {0};
    seen.forEachField(
        (start, end) -> {
          if (next[0] > 0 && found.get(next[0] - 1).start() >= start) {
            next[0] = 0; // the next column's fields start over at the top
          }
          while (next[0] < found.size() && found.get(next[0]).start() < start) {
            next[0]++;
          }
          for (int m = next[0]; m < found.size() && found.get(m).start() < end; m++) {
            ValueScanner.Match match = found.get(m);
            if (!match.validated()
                && match.end() <= end
                && match.detector().name().equals(DETECTOR)) {
              corroborated.set(
                  m,
                  new ValueScanner.Match(
                      match.detector(), match.category(), match.start(), match.end(), true));
              changed[0] = true;
            }
          }
        });
    return changed[0] ? corroborated : found;
  }

  /**
   * Finds the names in the name columns of {@code item}. A field the text scan already reported (a
   * listed name, say) is left to it, so a name counts once.
   *
   * @param found what the text scan found in the item, ordered by start
   */
  void scan(TextItem item, InItem seen, List<ValueScanner.Match> found, Findings findings) {
    if (seen == null) {
      return;
    }
    String text = item.text();
    CsvColumns.FieldConsumer name =
        (start, end) -> {
          if (NAME.matcher(text).region(start, end).matches() && !placeholder(text, start, end)) {
            findings.match(category, DETECTOR, DETECTOR, Findings.Kind.VALUE, item, start, end);
          }
        };
    if (seen.columns() == null) {
      for (ValueScanner.Match match : found) {
        if (match.start() < seen.cellEnd() && match.end() > seen.cellStart()) {
          return; // the text scan reported this value already
        }
      }
      fieldReader(item, seen.headers().get(0), name, findings)
          .accept(seen.cellStart(), seen.cellEnd());
      return;
    }
    for (int i = 0; i < seen.indexes().size(); i++) {
      ValueScanner.Match.forEachUnclaimedField(
          seen.columns(),
          seen.indexes().get(i),
          found,
          fieldReader(item, seen.headers().get(i), name, findings));
    }
  }

  /** What reads a field of a column with {@code header}: a full name, or one listed name. */
  private CsvColumns.FieldConsumer fieldReader(
      TextItem item, Header header, CsvColumns.FieldConsumer fullName, Findings findings) {
    Set<String> listed = header.lone();
    if (listed == null) {
      return fullName;
    }
    String text = item.text();
    return (start, end) -> {
      if (LONE_NAME.matcher(text).region(start, end).matches()
          && listed(text.substring(start, end), listed)) {
        findings.match(category, DETECTOR, DETECTOR, Findings.Kind.VALUE, item, start, end);
      }
    };
  }

  /** True if {@code value}, or each of its parts ({@code Mary-Jane}), is on {@code names}. */
  private static boolean listed(String value, Set<String> names) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (names.contains(lower)) {
      return true;
    }
    String[] parts = PARTS.split(lower);
    if (parts.length < 2) {
      return false;
    }
    for (String part : parts) {
      if (!names.contains(part)) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> given() {
    Set<String> names = new java.util.HashSet<>(LISTS.givenNames());
    names.addAll(LISTS.ambiguousGivenNames());
    return Set.copyOf(names);
  }

  /**
   * A person word or a one-name header holds names anywhere, a bare name header only in a file or
   * table of people.
   */
  private static boolean nameColumn(Header header, boolean people) {
    return header == Header.PERSON
        || header == Header.GIVEN
        || header == Header.FAMILY
        || (people && header == Header.NAME);
  }

  private Header header(String column) {
    Header known = headers.get(column);
    if (known != null) {
      return known;
    }
    Header header =
        personHeader(column)
            ? Header.PERSON
            : nameHeader(column) ? Header.NAME : loneNameHeader(Tokens.words(column));
    if (headers.size() < HEADERS_KEPT) {
      headers.put(column, header);
    }
    return header;
  }

  /** {@code name}, {@code full_name}, {@code display_name}. */
  private static boolean nameHeader(String header) {
    return NAME_HEADERS.contains(Tokens.words(header));
  }

  /**
   * {@code first_name}, {@code surname}, and these after a person word ({@code
   * customer_last_name}).
   */
  private Header loneNameHeader(List<String> words) {
    List<String> name =
        words.size() > 1 && PersonTables.has(personWords, words.get(0))
            ? words.subList(1, words.size())
            : words;
    return GIVEN_HEADERS.contains(name)
        ? Header.GIVEN
        : FAMILY_HEADERS.contains(name) ? Header.FAMILY : Header.NONE;
  }

  /** A person word, alone or before {@code name}: {@code customer}, {@code guest_name}. */
  private boolean personHeader(String header) {
    List<String> words = Tokens.words(header);
    int last = words.size() - 1;
    List<String> person =
        last >= 1 && words.get(last).equals("name") ? words.subList(0, last) : words;
    return person.size() == 1 && PersonTables.has(personWords, person.get(0));
  }

  private static boolean placeholder(String text, int start, int end) {
    for (String word : Tokens.words(text.substring(start, end))) {
      if (NOT_NAMES.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** The file's name without folders and extension, or its sheet's name. */
  private static String fileName(TextItem item) {
    String path = item.filePath() == null ? "" : item.filePath();
    String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    int dot = name.lastIndexOf('.');
    name = dot > 0 ? name.substring(0, dot) : name;
    return item.sheet() == null ? name : name + " " + item.sheet();
  }
}

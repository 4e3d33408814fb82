package dev.wct.analysers.personaldata;

import dev.wct.analysers.common.Catalogue;
import dev.wct.analysers.ruleset.Rule;
import dev.wct.analysers.ruleset.Ruleset;
import dev.wct.analysers.text.KeywordIndex;
import dev.wct.analysers.text.Tokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a person each table of a database catalogue shows ({@link Rule.Person}), from names
 * only: a word for people ({@code customer}, {@code staff}) in the table's name or a column named
 * for a person's name, e-mail... puts a person in the row ({@link Rule.Person#TABLE}); a person
 * word in a column's name ({@code customer_id}) links the row to one, and so does a key to the
 * table in a table that holds a person ({@code customer.address_id}: {@link Rule.Person#LINKED});
 * one step only, so a customer's address links its address row but not the city table the address
 * refers to. A table showing none is {@link Rule.Person#ANY}: a reference table of cities or
 * countries. A key is the catalogue's foreign key where the connector declares one ({@code key:
 * foreign}, {@code references}), which also links a row with a key to a table of people; a column
 * without one (CSV, JSON, a catalogue without keys) is read as a key from its name.
 */
final class PersonTables {
  private static final Pattern KEY =
      Pattern.compile("(.+?)[_ .-]?(?:id|ids|key|fk)", Pattern.CASE_INSENSITIVE);

  private PersonTables() {}

  /** The person level of each table, by the table's {@code Location.object()}. */
  static Map<String, Rule.Person> of(
      List<Catalogue.Table> tables,
      KeywordIndex<String> personWords,
      KeywordIndex<Rule> columnNames,
      Set<String> personCategories) {
    Map<String, Rule.Person> levels = new HashMap<>();
    if (personWords.size() == 0) {
      return levels;
    }
    List<List<String>> referenced = new ArrayList<>();
    Set<String> referencedTables = new HashSet<>();
    Set<String> personTables = new HashSet<>();
    for (Catalogue.Table table : tables) {
      Rule.Person level = has(personWords, tableName(table)) ? Rule.Person.TABLE : Rule.Person.ANY;
      for (int i = 0; i < table.columns().size() && level != Rule.Person.TABLE; i++) {
        String column = table.columns().get(i);
        if (!table.isBoolean(i)
            && !KEY.matcher(column).matches()
            && !surrogateKey(table, i)
            && named(columnNames, column, personCategories)) {
          level = Rule.Person.TABLE;
        } else if (has(personWords, column)) {
          level = Rule.Person.LINKED;
        }
      }
      levels.put(table.table().object(), level);
      if (level == Rule.Person.TABLE) {
        personTables.add(table.qualifiedName());
        for (int i = 0; i < table.columns().size(); i++) {
          String target = table.referencedTable(i);
          Matcher key = KEY.matcher(table.columns().get(i));
          if (target != null) {
            referencedTables.add(target);
          } else if (key.matches()) {
            referenced.add(Tokens.words(key.group(1)));
          }
        }
      }
    }
    for (Catalogue.Table table : tables) {
      if (levels.get(table.table().object()) == Rule.Person.ANY
          && (referencedTables.contains(table.qualifiedName())
              || refersToAny(table, personTables)
              || referenced.stream()
                  .anyMatch(key -> refersTo(key, Tokens.words(tableName(table)))))) {
        levels.put(table.table().object(), Rule.Person.LINKED);
      }
    }
    return levels;
  }

  /**
   * True if the catalogue declares column {@code index} a primary or foreign key of an integer or
   * UUID type and its name ends like a key ({@code staff_id}, {@code managerKey}): a number the
   * database gave a row, which names no category even when its name is an identifier's ({@code
   * staff id}). An integer key named otherwise ({@code ssn}, {@code employee_number}) may be the
   * person's own number, and keeps its name's category.
   */
  static boolean surrogateKey(Catalogue.Table table, int index) {
    if (!table.isKey(index) || !table.isSurrogateType(index)) {
      return false;
    }
    List<String> words = Tokens.words(table.columns().get(index));
    return !words.isEmpty() && KEY_WORDS.contains(words.get(words.size() - 1));
  }

  private static final Set<String> KEY_WORDS = Set.of("id", "ids", "key", "fk");

  /** True if a declared foreign key of {@code table} refers to one of {@code personTables}. */
  private static boolean refersToAny(Catalogue.Table table, Set<String> personTables) {
    for (int i = 0; i < table.columns().size(); i++) {
      String target = table.referencedTable(i);
      if (target != null && personTables.contains(target)) {
        return true;
      }
    }
    return false;
  }

  /** True if the table's name has one of {@code words} (each a word or phrase). */
  static boolean named(Catalogue.Table table, List<String> words) {
    List<String> name = Tokens.words(tableName(table));
    for (String word : words) {
      if (Collections.indexOfSubList(name, Tokens.words(word)) >= 0) {
        return true;
      }
    }
    return false;
  }

  static String tableName(Catalogue.Table table) {
    return table.table().json().path("table").asText();
  }

  static boolean has(KeywordIndex<String> words, String name) {
    boolean[] found = {false};
    words.find(Tokens.of(name), (word, keyword, start, end) -> found[0] = true);
    return found[0];
  }

  static boolean named(KeywordIndex<Rule> names, String column, Set<String> categories) {
    boolean[] found = {false};
    names.find(
        Tokens.of(column),
        (rule, keyword, start, end) ->
            found[0] |=
                rule.context().person() == Rule.Person.ANY && categories.contains(rule.category()));
    return found[0];
  }

  /** {@code manager_staff} refers to {@code staff}, {@code address} to {@code addresses}. */
  private static boolean refersTo(List<String> key, List<String> table) {
    if (table.isEmpty() || key.size() < table.size()) {
      return false;
    }
    List<String> tail = new ArrayList<>(key.subList(key.size() - table.size(), key.size()));
    if (tail.equals(table)) {
      return true;
    }
    String last = table.get(table.size() - 1);
    String keyLast = tail.get(tail.size() - 1);
    return tail.subList(0, tail.size() - 1).equals(table.subList(0, table.size() - 1))
        && (last.equals(keyLast + "s") || last.equals(keyLast + "es"));
  }

  static KeywordIndex<String> personWords(Ruleset ruleset) {
    KeywordIndex.Builder<String> builder = KeywordIndex.builder();
    ruleset.persons().words().forEach(word -> builder.add(word, word));
    return builder.build();
  }
}

package dev.wct.analysers.ruleset;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One rule of a ruleset: keywords that indicate a category.
 *
 * @param name unique within the ruleset
 * @param category what a match indicates, e.g. {@code email}, {@code patient}, {@code analytics}
 * @param description one sentence
 * @param keywords words or phrases matched with word-boundary semantics
 * @param weight 1–100, how strongly a match indicates the category (used for confidence scores)
 * @param metadata extra facts carried into findings, sorted by key
 * @param context where the rule applies in a database: {@link Context#ANYWHERE} for most rules
 */
public record Rule(
    String name,
    String category,
    String description,
    List<String> keywords,
    int weight,
    Map<String, String> metadata,
    Context context) {
  public static final int DEFAULT_WEIGHT = 50;

  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(description, "description");
    keywords = List.copyOf(Objects.requireNonNull(keywords, "keywords"));
    metadata =
        java.util.Collections.unmodifiableMap(
            new TreeMap<>(Objects.requireNonNull(metadata, "metadata")));
    Objects.requireNonNull(context, "context");
  }

  public Rule(
      String name,
      String category,
      String description,
      List<String> keywords,
      int weight,
      Map<String, String> metadata) {
    this(name, category, description, keywords, weight, metadata, Context.ANYWHERE);
  }

  /** How much of a person a database table must show for a rule to apply in it. */
  public enum Person {
    /** Any table. */
    ANY,
    /**
     * A table whose rows hold a person (its name or one of its column names says so), refer to one
     * (a {@code customer_id} key) or are referred to by such a table (a customer's {@code
     * address_id}).
     */
    LINKED,
    /**
     * A table whose rows hold a person: a person word in its name, or a column of a name, e-mail...
     */
    TABLE
  }

  /**
   * The table context a rule needs ({@code context:} of a rule in the ruleset file).
   *
   * @param tables words of which a table's name must have one ({@code payment}, {@code order}); not
   *     empty makes the rule a column-name rule of such tables only
   * @param person how much of a person the table must show; in text, and in database tables whose
   *     catalogue is unknown, this is not checked
   * @param columnsOnly the rule reads database column names only, never text or other field names
   *     (its keywords are too generic elsewhere: {@code amount}, {@code picture})
   */
  public record Context(List<String> tables, Person person, boolean columnsOnly) {
    public static final Context ANYWHERE = new Context(List.of(), Person.ANY, false);

    public Context {
      tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
      Objects.requireNonNull(person, "person");
      columnsOnly = columnsOnly || !tables.isEmpty();
    }
  }
}

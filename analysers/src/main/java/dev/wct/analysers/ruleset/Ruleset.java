package dev.wct.analysers.ruleset;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A validated, versioned set of rules.
 *
 * @param reference how it was named: {@code local/<name>/<version>} or {@code file:<path>}
 * @param name the kind of ruleset, e.g. {@code personal_data_indicator}
 * @param version MAJOR.MINOR.PATCH
 * @param description one sentence
 * @param rules in file order
 * @param detectors value detectors it switches on (personal data rulesets only), in file order
 * @param persons what shows a person in a database table, for the rules with a {@link Rule.Context}
 */
public record Ruleset(
    String reference,
    String name,
    String version,
    String description,
    List<Rule> rules,
    List<DetectorBinding> detectors,
    Persons persons) {
  public Ruleset {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(description, "description");
    rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
    detectors = List.copyOf(Objects.requireNonNull(detectors, "detectors"));
    Objects.requireNonNull(persons, "persons");
  }

  public Ruleset(
      String reference,
      String name,
      String version,
      String description,
      List<Rule> rules,
      List<DetectorBinding> detectors) {
    this(reference, name, version, description, rules, detectors, Persons.NONE);
  }

  /**
   * What shows a person in a database table ({@code person_context:} of the ruleset file).
   *
   * @param words words for people in a table or column name ({@code customer}, {@code staff})
   * @param categories categories whose column names put a person in the row ({@code name}, {@code
   *     email})
   */
  public record Persons(List<String> words, List<String> categories) {
    public static final Persons NONE = new Persons(List.of(), List.of());

    public Persons {
      words = List.copyOf(Objects.requireNonNull(words, "words"));
      categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
    }
  }

  /** The categories its rules and detectors report, sorted. */
  public List<String> categories() {
    TreeSet<String> categories = new TreeSet<>();
    rules.forEach(rule -> categories.add(rule.category()));
    detectors.forEach(detector -> categories.add(detector.category()));
    return List.copyOf(categories);
  }

  /**
   * The categories of the rules marked {@code corroboration: required}: not reported from one bare
   * keyword in text.
   */
  public java.util.Set<String> corroborationRequired() {
    TreeSet<String> categories = new TreeSet<>();
    for (Rule rule : rules) {
      if ("required".equals(rule.metadata().get("corroboration"))) {
        categories.add(rule.category());
      }
    }
    return categories;
  }

  /**
   * The categories of the rules marked {@code evidence: processing}: reported only on evidence of
   * processing in code (a service's SDK or endpoint, a keyword in an identifier or call, a schema
   * name), never on words for people alone (UI text, comments, documents).
   */
  public java.util.Set<String> processingEvidenceRequired() {
    TreeSet<String> categories = new TreeSet<>();
    for (Rule rule : rules) {
      if ("processing".equals(rule.metadata().get("evidence"))) {
        categories.add(rule.category());
      }
    }
    return categories;
  }
}

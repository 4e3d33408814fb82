package dev.wct.classifiers.ruleset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.json.Json;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The six lawful bases of GDPR Art. 6(1), named in rulesets by their short names. */
public enum LawfulBasis {
  CONSENT("Art. 6(1)(a)"),
  CONTRACT("Art. 6(1)(b)"),
  LEGAL_OBLIGATION("Art. 6(1)(c)"),
  VITAL_INTERESTS("Art. 6(1)(d)"),
  PUBLIC_TASK("Art. 6(1)(e)"),
  LEGITIMATE_INTERESTS("Art. 6(1)(f)");

  private final String article;

  LawfulBasis(String article) {
    this.article = article;
  }

  public String article() {
    return article;
  }

  /** The ruleset and message name, e.g. {@code legitimate_interests}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static LawfulBasis fromKey(String key) {
    return Arrays.stream(values())
        .filter(basis -> basis.key().equals(key))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown lawful basis '"
                        + key
                        + "' (known: "
                        + Arrays.stream(values())
                            .map(LawfulBasis::key)
                            .collect(Collectors.joining(", "))
                        + ")"));
  }

  /** The message form: {@code {"basis": "contract", "article": "Art. 6(1)(b)"}}. */
  public ObjectNode toJson() {
    return Json.mapper().createObjectNode().put("basis", key()).put("article", article);
  }
}

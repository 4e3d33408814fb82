package dev.wct.analysers.common;

import dev.wct.spi.message.SchemaRef;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The inputs of the text analysers. */
public final class TextInputs {
  /** Text inputs: standard_input and source_code, alone or together. */
  public static final List<Set<SchemaRef>> ACCEPTED =
      List.of(
          Collections.unmodifiableSortedSet(
              new TreeSet<>(List.of(SchemaRef.of("standard_input"), SchemaRef.of("source_code")))));

  private TextInputs() {}

  /**
   * True for a {@code source_code} unit written without its content ({@code include_content:
   * false}): it has lines, but nothing to read.
   */
  public static boolean contentLeftOut(com.fasterxml.jackson.databind.JsonNode item) {
    return item.path("content").asText("").isEmpty() && item.path("line_count").asLong(0) > 0;
  }
}

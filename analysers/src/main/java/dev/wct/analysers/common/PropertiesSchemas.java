package dev.wct.analysers.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.SchemaRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The analysers' property schemas (resources {@code properties/<type>.json}) and input sets. */
public final class PropertiesSchemas {
  /** Text inputs: standard_input and source_code, alone or together. */
  public static final List<Set<SchemaRef>> TEXT_INPUTS =
      List.of(
          Collections.unmodifiableSortedSet(
              new TreeSet<>(List.of(SchemaRef.of("standard_input"), SchemaRef.of("source_code")))));

  private PropertiesSchemas() {}

  public static JsonNode load(String type) {
    String resource = "properties/" + type + ".json";
    try (InputStream in = PropertiesSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.wct.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.message.SchemaRef;
import dev.wct.spi.properties.PropertiesExample;
import java.util.List;

/** What connectors and analysers share: a stable type name, documentation and contracts. */
public interface Component {
  /** The runbook {@code type} name, e.g. {@code mysql} or {@code personal_data}. Never changes. */
  String type();

  /** One sentence for {@code wct components}. */
  String description();

  /**
   * A JSON Schema (draft 2020-12) for the component's {@code properties}, checked at plan time.
   * Placeholders such as {@code ${VAR}} are checked as the strings they are: a property that may be
   * one lists a placeholder alternative marked {@code "x-wct-placeholder": true} (see {@link
   * dev.wct.spi.properties.PropertiesContract}, which generates such schemas from a record).
   */
  JsonNode propertiesSchema();

  /** Example property sets for the docs and {@code wct components}; each must fit the schema. */
  default List<PropertiesExample> examples() {
    return List.of();
  }

  /** The schemas this component can produce; the first is the default. */
  List<SchemaRef> outputSchemas();
}

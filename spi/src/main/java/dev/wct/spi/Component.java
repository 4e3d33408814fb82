package dev.wct.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.message.SchemaRef;
import java.util.List;

/** What connectors and analysers share: a stable type name, documentation and contracts. */
public interface Component {
  /** The runbook {@code type} name, e.g. {@code mysql} or {@code personal_data}. Never changes. */
  String type();

  /** One sentence for {@code wct components}. */
  String description();

  /**
   * A JSON Schema (draft 2020-12) for the component's {@code properties}, checked at plan time.
   * Placeholders such as {@code ${VAR}} are checked as the strings they are.
   */
  JsonNode propertiesSchema();

  /** The schemas this component can produce; the first is the default. */
  List<SchemaRef> outputSchemas();
}

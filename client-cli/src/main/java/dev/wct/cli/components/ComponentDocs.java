package dev.wct.cli.components;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.Analyser;
import dev.wct.spi.Component;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.message.SchemaRef;
import dev.wct.spi.properties.PropertiesExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The documentation of the installed components, from what each declares: its properties schema
 * (generated from its properties record) and its examples. Rendered as text by {@code wct
 * components} and as Markdown into {@code docs/components.md}.
 */
public final class ComponentDocs {
  private ComponentDocs() {}

  /** What {@code wct components} prints. */
  public static String text(ComponentCatalog catalog) {
    StringBuilder text = new StringBuilder("Connectors\n");
    if (catalog.connectors().isEmpty()) {
      text.append("  (none installed)\n");
    }
    catalog.connectors().values().forEach(c -> text(c, text));
    text.append("\nAnalysers\n");
    if (catalog.analysers().isEmpty()) {
      text.append("  (none installed)\n");
    }
    catalog.analysers().values().forEach(a -> text(a, text));
    return text.toString();
  }

  private static void text(Component component, StringBuilder text) {
    text.append("  ")
        .append(component.type())
        .append(": ")
        .append(component.description())
        .append('\n');
    if (component instanceof Analyser analyser) {
      text.append("    accepts:  ").append(accepted(analyser)).append('\n');
    }
    text.append("    produces: ").append(produced(component)).append('\n');
    List<PropertyDoc> properties = PropertyDoc.of(component.propertiesSchema());
    if (properties.isEmpty()) {
      text.append("    properties: none\n");
    } else {
      text.append("    properties:\n");
      int width = properties.stream().mapToInt(p -> p.name().length()).max().orElse(0);
      for (PropertyDoc property : properties) {
        text.append(String.format("      %-" + width + "s  %s", property.name(), property.type()));
        if (property.required()) {
          text.append(", required");
        }
        if (property.defaultValue() != null) {
          text.append(", default ").append(property.defaultValue());
        }
        if (property.description() != null) {
          text.append(": ").append(property.description());
        }
        text.append('\n');
      }
    }
    List<PropertiesExample> examples = component.examples();
    if (!examples.isEmpty()) {
      text.append("    examples:\n");
      for (PropertiesExample example : examples) {
        text.append("      # ").append(example.description()).append('\n');
        text.append("      properties: ").append(flowYaml(example.properties())).append('\n');
      }
    }
  }

  /** The Markdown reference of every component, for {@code docs/components.md}. */
  public static String markdown(ComponentCatalog catalog) {
    StringBuilder md = new StringBuilder();
    md.append("# Components\n\n")
        .append("<!-- Generated from each component's properties record and examples; do not edit.")
        .append(" ComponentDocsTest (client-cli) fails when this file is stale and rewrites it")
        .append(" with -Dwct.docs.update=true. -->\n\n")
        .append("The connectors and analysers shipped with wct, with the `properties` each takes")
        .append(" in a runbook. `wct components` prints the same for the components installed.")
        .append(" A type marked `or ${VAR}` may be given as a placeholder, resolved on the worker")
        .append(" that runs the producer and checked there against the same contract.\n");
    md.append("\n## Connectors\n");
    catalog.connectors().values().forEach(c -> markdown(c, md));
    md.append("\n## Analysers\n");
    catalog.analysers().values().forEach(a -> markdown(a, md));
    return md.toString();
  }

  private static void markdown(Component component, StringBuilder md) {
    md.append("\n### `").append(component.type()).append("`\n\n");
    md.append(component.description()).append("\n\n");
    if (component instanceof Analyser analyser) {
      md.append("- accepts: ").append(accepted(analyser)).append('\n');
    }
    md.append("- produces: ").append(produced(component)).append("\n\n");
    List<PropertyDoc> properties = PropertyDoc.of(component.propertiesSchema());
    if (properties.isEmpty()) {
      md.append("No properties.\n");
    } else {
      md.append("| property | type | default | description |\n|---|---|---|---|\n");
      for (PropertyDoc property : properties) {
        md.append("| `")
            .append(property.name())
            .append("` | ")
            .append(cell(property.type() + (property.required() ? ", required" : "")))
            .append(" | ")
            .append(property.defaultValue() == null ? "" : "`" + property.defaultValue() + "`")
            .append(" | ")
            .append(property.description() == null ? "" : cell(property.description()))
            .append(" |\n");
      }
    }
    List<PropertiesExample> examples = component.examples();
    if (!examples.isEmpty()) {
      md.append("\nExamples:\n\n```yaml\n");
      for (PropertiesExample example : examples) {
        md.append("# ").append(example.description()).append('\n');
        md.append("properties: ").append(flowYaml(example.properties())).append('\n');
      }
      md.append("```\n");
    }
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ");
  }

  static String accepted(Analyser analyser) {
    return analyser.acceptedInputs().stream()
        .map(ComponentDocs::sorted)
        .map(schemas -> String.join(" + ", schemas))
        .collect(Collectors.joining(" | "));
  }

  static List<String> sorted(Set<SchemaRef> schemas) {
    return schemas.stream().sorted().map(SchemaRef::toString).toList();
  }

  static String produced(Component component) {
    List<SchemaRef> schemas = component.outputSchemas();
    return schemas.isEmpty()
        ? "nothing"
        : schemas.get(0)
            + (schemas.size() > 1
                ? " (default), "
                    + schemas.subList(1, schemas.size()).stream()
                        .map(SchemaRef::toString)
                        .collect(Collectors.joining(", "))
                : "");
  }

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./\\-]*");

  /** A value as YAML flow style, as a runbook would write it on one line. */
  static String flowYaml(JsonNode value) {
    if (value.isObject()) {
      List<String> entries = new ArrayList<>();
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        entries.add(entry.getKey() + ": " + flowYaml(entry.getValue()));
      }
      return "{" + String.join(", ", entries) + "}";
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(flowYaml(item)));
      return "[" + String.join(", ", items) + "]";
    }
    if (value.isTextual()) {
      String text = value.asText();
      boolean plain =
          PLAIN.matcher(text).matches()
              && !text.matches("(?i)true|false|null|yes|no|on|off|~|[-+]?[0-9.]+(e[-+]?[0-9]+)?");
      return plain ? text : "'" + text.replace("'", "''") + "'";
    }
    return value.toString();
  }
}

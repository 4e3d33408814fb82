package dev.wct.cli.components;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.cli.Wct;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.SchemaRef;
import dev.wct.spi.Analyser;
import dev.wct.spi.Component;
import dev.wct.spi.ComponentCatalog;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code wct components}: the connectors and analysers installed, and their properties. */
@Command(
    name = "components",
    mixinStandardHelpOptions = true,
    description =
        "List the connectors and analysers on the class path with the schemas they accept and"
            + " produce and their properties.",
    footerHeading = "%nExamples:%n",
    footer = {"  wct components", "  wct components --json"})
public final class ComponentsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @ParentCommand private Wct wct;

  @Option(names = "--json", description = "Print JSON instead of text.")
  private boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    ComponentCatalog catalog = wct.context().catalog();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json(catalog)));
    } else {
      out.print(text(catalog));
    }
    out.flush();
    return 0;
  }

  private static String text(ComponentCatalog catalog) {
    StringBuilder text = new StringBuilder("Connectors\n");
    if (catalog.connectors().isEmpty()) {
      text.append("  (none installed)\n");
    }
    catalog.connectors().values().forEach(c -> describe(c, text));
    text.append("\nAnalysers\n");
    if (catalog.analysers().isEmpty()) {
      text.append("  (none installed)\n");
    }
    catalog.analysers().values().forEach(a -> describe(a, text));
    return text.toString();
  }

  private static void describe(Component component, StringBuilder text) {
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
      return;
    }
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

  private static String accepted(Analyser analyser) {
    return analyser.acceptedInputs().stream()
        .map(ComponentsCommand::sorted)
        .map(schemas -> String.join(" + ", schemas))
        .collect(Collectors.joining(" | "));
  }

  private static List<String> sorted(Set<SchemaRef> schemas) {
    return schemas.stream().sorted().map(SchemaRef::toString).toList();
  }

  private static String produced(Component component) {
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

  private static ObjectNode json(ComponentCatalog catalog) {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode connectors = root.putArray("connectors");
    catalog.connectors().values().forEach(c -> connectors.add(json(c)));
    ArrayNode analysers = root.putArray("analysers");
    catalog.analysers().values().forEach(a -> analysers.add(json(a)));
    return root;
  }

  private static ObjectNode json(Component component) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("type", component.type());
    node.put("description", component.description());
    if (component instanceof Analyser analyser) {
      ArrayNode accepts = node.putArray("accepts");
      analyser.acceptedInputs().forEach(set -> sorted(set).forEach(accepts.addArray()::add));
    }
    ArrayNode produces = node.putArray("produces");
    component.outputSchemas().forEach(schema -> produces.add(schema.toString()));
    node.set("properties", Json.mapper().valueToTree(PropertyDoc.of(component.propertiesSchema())));
    node.set("propertiesSchema", component.propertiesSchema());
    return node;
  }
}

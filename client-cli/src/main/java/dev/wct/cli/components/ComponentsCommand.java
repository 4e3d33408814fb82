package dev.wct.cli.components;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.cli.context.CliContext;
import dev.wct.cli.options.JsonOption;
import dev.wct.spi.Analyser;
import dev.wct.spi.Component;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.json.Json;
import dev.wct.spi.properties.PropertiesExample;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  private final CliContext context;

  @Mixin private JsonOption json;

  ComponentsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    ComponentCatalog catalog = context.catalog();
    PrintWriter out = spec.commandLine().getOut();
    if (json.enabled()) {
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json(catalog)));
    } else {
      out.print(ComponentDocs.text(catalog));
    }
    out.flush();
    return 0;
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
      analyser
          .acceptedInputs()
          .forEach(set -> ComponentDocs.sorted(set).forEach(accepts.addArray()::add));
    }
    ArrayNode produces = node.putArray("produces");
    component.outputSchemas().forEach(schema -> produces.add(schema.toString()));
    node.set("properties", Json.mapper().valueToTree(PropertyDoc.of(component.propertiesSchema())));
    node.set("propertiesSchema", component.propertiesSchema());
    ArrayNode examples = node.putArray("examples");
    for (PropertiesExample example : component.examples()) {
      examples
          .addObject()
          .put("description", example.description())
          .set("properties", example.properties());
    }
    return node;
  }
}

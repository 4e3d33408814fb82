package dev.wct.cli.retry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.cli.Wct;
import dev.wct.cli.context.CliContext;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.Connector;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The wct command line with the installed components and a {@code test_wait} source that waits
 * {@code seconds} (a placeholder, so that the same plan waits long in one process and not at all in
 * its retry): {@code main} is what a child JVM runs.
 */
final class WaitingWct {
  private WaitingWct() {}

  static CliContext context() {
    CliContext installed = CliContext.discover();
    List<Connector> connectors = new ArrayList<>(installed.catalog().connectors().values());
    connectors.add(new WaitingSource());
    return new CliContext(
        ComponentCatalog.of(connectors, List.copyOf(installed.catalog().analysers().values())),
        installed.rulesets());
  }

  public static void main(String[] args) {
    System.exit(
        Wct.createCommandLine(
                new PrintWriter(System.out, true), new PrintWriter(System.err, true), context())
            .execute(args));
  }

  static final class WaitingSource implements Connector {
    @Override
    public String type() {
      return "test_wait";
    }

    @Override
    public String description() {
      return "Test connector that waits before writing one item.";
    }

    @Override
    public JsonNode propertiesSchema() {
      return Json.mapper()
          .createObjectNode()
          .put("type", "object")
          .set(
              "properties",
              Json.mapper()
                  .createObjectNode()
                  .set("seconds", Json.mapper().createObjectNode().put("type", "string")));
    }

    @Override
    public List<SchemaRef> outputSchemas() {
      return List.of(SchemaRef.of("standard_input"));
    }

    @Override
    public void extract(ProducerContext context, JsonNode properties, ContentWriter out)
        throws InterruptedException {
      long until =
          System.currentTimeMillis() + Long.parseLong(properties.path("seconds").asText()) * 1000;
      while (System.currentTimeMillis() < until) {
        context.heartbeat("waiting");
        Thread.sleep(100);
      }
      out.item(Json.mapper().createObjectNode().put("content", "late"));
    }
  }
}

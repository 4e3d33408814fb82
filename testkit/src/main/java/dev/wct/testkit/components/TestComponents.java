package dev.wct.testkit.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import dev.wct.spi.Analyser;
import dev.wct.spi.Connector;
import dev.wct.spi.ProducerContext;
import dev.wct.testkit.plans.PlanBuilder;
import java.util.List;
import java.util.Set;

/** Connectors and analysers whose behaviour a test writes as a lambda. */
final class TestComponents {
  private TestComponents() {}

  interface Extract {
    void extract(ProducerContext context, JsonNode properties, ContentWriter out) throws Exception;
  }

  interface Analyse {
    void analyse(
        ProducerContext context, JsonNode properties, List<ContentReader> inputs, ContentWriter out)
        throws Exception;
  }

  static Connector connector(String type, Extract extract) {
    return new Connector() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public String description() {
        return "test connector " + type;
      }

      @Override
      public JsonNode propertiesSchema() {
        return JsonNodeFactory.instance.objectNode();
      }

      @Override
      public List<SchemaRef> outputSchemas() {
        return List.of(PlanBuilder.STANDARD_INPUT);
      }

      @Override
      public void extract(ProducerContext context, JsonNode properties, ContentWriter out)
          throws Exception {
        extract.extract(context, properties, out);
      }
    };
  }

  static Analyser analyser(String type, Analyse analyse) {
    return new Analyser() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public String description() {
        return "test analyser " + type;
      }

      @Override
      public JsonNode propertiesSchema() {
        return JsonNodeFactory.instance.objectNode();
      }

      @Override
      public List<SchemaRef> outputSchemas() {
        return List.of(PlanBuilder.FINDINGS);
      }

      @Override
      public List<Set<SchemaRef>> acceptedInputs() {
        return List.of(Set.of(PlanBuilder.STANDARD_INPUT));
      }

      @Override
      public void analyse(
          ProducerContext context,
          JsonNode properties,
          List<ContentReader> inputs,
          ContentWriter out)
          throws Exception {
        analyse.analyse(context, properties, inputs, out);
      }
    };
  }

  /** Writes {@code count} items {@code {"content": "<prefix> i"}}. */
  static Extract items(String prefix, int count) {
    return (context, properties, out) -> {
      out.field("name", JsonNodeFactory.instance.textNode(prefix));
      for (int i = 0; i < count; i++) {
        out.item(JsonNodeFactory.instance.objectNode().put("content", prefix + " " + i));
      }
    };
  }
}

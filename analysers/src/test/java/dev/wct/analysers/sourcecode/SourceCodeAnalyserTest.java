package dev.wct.analysers.sourcecode;

import java.nio.file.Path;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.testkit.RecordingContext;
import dev.wct.spi.json.Json;
import dev.wct.testkit.messages.MessageSchemas;
import dev.wct.spi.message.SchemaRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceCodeAnalyserTest {
  private static CollectingWriter analyse(List<ObjectNode> items) {
    CollectingWriter out = new CollectingWriter("data");
    new SourceCodeAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            Json.mapper().createObjectNode(),
            List.of(Inputs.standardInput(items)),
            out);
    return out;
  }

  private static List<String> names(JsonNode declarations) {
    List<String> names = new ArrayList<>();
    declarations.forEach(
        d -> names.add(d.path("name").asText() + "@" + d.path("line_start").asInt()));
    return names;
  }

  @Test
  void eachSourceFileBecomesACodeUnitWithItsDeclarations() {
    CollectingWriter out =
        analyse(
            List.of(
                Inputs.file(
                    "app/User.php",
                    "<?php\nclass User {\n  public function getEmail() {}\n}\nfunction helper($x) {}\n"),
                Inputs.file(
                    "web/app.js",
                    "class Cart {}\nfunction total(items) {}\nconst add = (a, b) => a + b;\n"),
                Inputs.file(
                    "svc/api.ts",
                    "export interface Order {}\nexport async function load(id: string) {}\n"),
                Inputs.file(
                    "ml/train.py",
                    "class Model:\n    def fit(self):\n        pass\n\nasync def main():\n    pass"),
                Inputs.file(
                    "src/Main.java",
                    "public final class Main {\n  public static void main(String[] args) {\n  }\n}\n"),
                Inputs.file("README", "no extension"),
                Inputs.cell("users", "email", "a@b.co")));

    assertThat(out.items())
        .extracting(u -> u.path("language").asText())
        .containsExactly("php", "javascript", "typescript", "python", "java");
    JsonNode php = out.items().get(0);
    assertThat(names(php.path("classes"))).containsExactly("User@2");
    assertThat(names(php.path("functions"))).containsExactly("getEmail@3", "helper@5");
    assertThat(php.path("line_count").asInt()).isEqualTo(5);
    assertThat(names(out.items().get(1).path("functions"))).containsExactly("total@2", "add@3");
    assertThat(names(out.items().get(2).path("classes"))).containsExactly("Order@1");
    assertThat(names(out.items().get(3).path("functions"))).containsExactly("fit@2", "main@5");
    assertThat(names(out.items().get(4).path("functions"))).containsExactly("main@2");
    assertThat(out.content().path("metadata").path("skipped_not_source").asInt()).isEqualTo(2);
    assertThat(MessageSchemas.builtIn().validate(SchemaRef.of("source_code"), out.content()))
        .isEmpty();
  }
}

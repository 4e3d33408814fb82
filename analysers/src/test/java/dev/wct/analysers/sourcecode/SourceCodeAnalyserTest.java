package dev.wct.analysers.sourcecode;

import static dev.wct.core.run.ObjectCoverage.State.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.core.run.ObjectCoverage;
import dev.wct.spi.coverage.SkipReason;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.SchemaRef;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.messages.MessageSchemas;
import java.nio.file.Path;
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
  void filesInNoKnownLanguageAreCountedAsUnsupportedNeverDroppedSilently() {
    RecordingContext context = new RecordingContext(Path.of("."), "run-1", "code");
    new SourceCodeAnalyser()
        .analyse(
            context,
            Json.mapper().createObjectNode(),
            List.of(
                Inputs.standardInput(
                    List.of(
                        Inputs.file("app/User.php", "<?php class User {}"),
                        Inputs.file("templates/page.mustache", "{{ user.email }}"),
                        Inputs.file(".env.example", "DB_PASSWORD="),
                        Inputs.file("docs/export.xyz", "email;phone"),
                        Inputs.file("Makefile", "test:\n\tmvn test"),
                        Inputs.cell("users", "email", "a@b.co")))),
            new CollectingWriter("data"));

    assertThat(context.coverage().objects())
        .extracting(ObjectCoverage::object, ObjectCoverage::state, ObjectCoverage::reason)
        .containsExactly(
            tuple("app/User.php", ObjectCoverage.State.SCANNED, null),
            // The web app of issue 8 lost every template and its .env.example: both are read now.
            tuple("templates/page.mustache", ObjectCoverage.State.SCANNED, null),
            tuple(".env.example", ObjectCoverage.State.SCANNED, null),
            tuple("docs/export.xyz", SKIPPED, SkipReason.UNSUPPORTED_FORMAT),
            tuple("Makefile", SKIPPED, SkipReason.UNSUPPORTED_FORMAT),
            tuple("main.users.email", SKIPPED, SkipReason.UNSUPPORTED_FORMAT));
    assertThat(context.coverage().summary().warnings("code", false))
        .containsExactly("code: 3 of 6 files skipped (3 unsupported format)");
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

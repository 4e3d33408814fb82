package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.testkit.RecordingContext;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentWriter;
import dev.wct.testkit.messages.MessageSchemas;
import dev.wct.spi.message.SchemaRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataAnalyserTest {
  private final PersonalDataAnalyser analyser = new PersonalDataAnalyser();

  private CollectingWriter analyse(JsonNode properties, List<ObjectNode> items) {
    CollectingWriter out = new CollectingWriter("findings");
    analyser.analyse(new RecordingContext(Path.of("."), "run-1", "pii"), properties, List.of(Inputs.standardInput(items)), out);
    return out;
  }

  private static ObjectNode properties() {
    return Json.mapper().createObjectNode();
  }

  @Test
  void findingsFollowTheMessageSchemaAndComeBeforeSummaryAndMetadata() {
    CollectingWriter out =
        analyse(
            properties(),
            List.of(
                Inputs.file("app/signup.php", "<?php\n$user_email = 'jane.doe@example.com';\n"),
                Inputs.cell("customers", "phone", "+44 20 7946 0958")));

    assertThat(
            MessageSchemas.builtIn()
                .validate(SchemaRef.of("personal_data_indicator"), out.content()))
        .isEmpty();
    assertThat(out.calls()).endsWith("item", "field:summary", "field:analysis_metadata");
    JsonNode email = out.item("category", "email");
    assertThat(email.path("matched_patterns").toString()).contains("email_address", "email");
    assertThat(email.path("evidence").get(0).path("location").path("file_path").asText())
        .isEqualTo("app/signup.php");
    assertThat(email.path("evidence").get(0).path("location").path("line").asInt()).isEqualTo(2);
    JsonNode phone = out.item("category", "phone");
    assertThat(phone.path("evidence").get(0).path("location").path("table").asText())
        .isEqualTo("customers");
    assertThat(out.content().toString()).doesNotContain("jane.doe", "7946 0958");
    assertThat(out.content().path("analysis_metadata").path("ruleset").asText())
        .isEqualTo("local/personal_data_indicator/1.0.0");
    assertThat(out.content().path("analysis_metadata").path("items_scanned").asLong()).isEqualTo(2);
  }

  @Test
  void evidenceStopsAtTheMaximumButMatchesAreAllCounted() {
    ObjectNode properties = properties();
    properties.putObject("pattern_matching").put("maximum_evidence_count", "2");
    List<ObjectNode> items =
        List.of(
            Inputs.file("a.txt", "mail a1@example.com"),
            Inputs.file("b.txt", "mail b2@example.com"),
            Inputs.file("c.txt", "mail c3@example.com"));

    JsonNode email = analyse(properties, items).item("category", "email");

    assertThat(email.path("evidence")).hasSize(2);
    assertThat(email.path("metadata").path("match_count").asLong()).isEqualTo(3);
    assertThat(email.path("metadata").path("item_count").asLong()).isEqualTo(3);
  }

  @Test
  void unredactedEvidenceShowsTheValueWhenAskedFor() {
    ObjectNode properties = properties().put("evidence_redaction", "none");

    JsonNode email =
        analyse(properties, List.of(Inputs.file("a.txt", "mail a1@example.com")))
            .item("category", "email");

    assertThat(email.path("evidence").get(0).path("snippet").asText())
        .isEqualTo("mail a1@example.com");
  }

  @Test
  void streamsItemsWithoutHoldingThem() {
    long total = 20_000;
    AtomicLong produced = new AtomicLong();
    Iterator<JsonNode> lazy =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return produced.get() < total;
          }

          @Override
          public JsonNode next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            long n = produced.incrementAndGet();
            return Inputs.file(
                "f" + n + ".txt",
                "user "
                    + n
                    + " wrote from 10.0."
                    + (n % 250)
                    + ".1 at email u"
                    + n
                    + "@example.com");
          }
        };
    AtomicLong written = new AtomicLong();
    ContentWriter counting =
        new ContentWriter() {
          @Override
          public void field(String name, JsonNode value) {}

          @Override
          public void item(JsonNode item) {
            written.incrementAndGet();
          }

          @Override
          public long itemCount() {
            return written.get();
          }
        };
    RecordingContext context = new RecordingContext(Path.of("."), "run-1", "pii");

    analyser.analyse(
        context,
        properties(),
        List.of(Inputs.reader(SchemaRef.of("standard_input"), lazy)),
        counting);

    assertThat(produced.get()).isEqualTo(total);
    assertThat(written.get()).as("one finding per category, not per item").isEqualTo(2);
    assertThat(context.heartbeats()).hasSizeGreaterThanOrEqualTo((int) (total / 500));
  }

  @Test
  void unknownRulesetIsAUserError() {
    ObjectNode properties = properties();
    properties.putObject("pattern_matching").put("ruleset", "local/personal_data_indicator/9.9.9");

    assertThatThrownBy(() -> analyse(properties, List.of()))
        .isInstanceOf(WctException.class)
        .hasMessageContaining("unknown ruleset 'local/personal_data_indicator/9.9.9'")
        .extracting(e -> ((WctException) e).kind())
        .isEqualTo(ErrorKind.USER);
  }

  @Test
  void badSettingsAreUserErrorsNamingTheArtifactAndProperty() {
    assertThatThrownBy(() -> analyse(properties().put("evidence_context_size", "huge"), List.of()))
        .isInstanceOf(WctException.class)
        .hasMessage(
            "artifact 'pii' (personal_data): evidence_context_size must be one of small, medium, large, full, not 'huge'");
    assertThatThrownBy(() -> analyse(properties().put("maximum_evidence", 3), List.of()))
        .hasMessageContaining("unknown property 'maximum_evidence'");
  }

  @Test
  void fileRulesetResolvesAgainstTheWorkingDirectory(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("rules"));
    Files.writeString(
        dir.resolve("rules/custom.yaml"),
        """
        name: personal_data_indicator
        version: 2.0.0
        description: loyalty cards only
        rules:
          - name: loyalty
            category: loyalty_card
            keywords: [loyalty number]
        """);
    ObjectNode properties = properties().put("ruleset", "file:./rules/custom.yaml");
    CollectingWriter out = new CollectingWriter("findings");

    analyser.analyse(
        new RecordingContext(dir, "run-1", "pii"),
        properties,
        List.of(
            Inputs.standardInput(
                List.of(Inputs.file("a.txt", "loyaltyNumber: 77 and jane@example.com")))),
        out);

    assertThat(out.items()).hasSize(1);
    assertThat(out.items().get(0).path("category").asText()).isEqualTo("loyalty_card");
  }

  @Test
  void acceptsStandardInputAndSourceCode() {
    assertThat(
            analyser.accepts(List.of(SchemaRef.of("standard_input"), SchemaRef.of("source_code"))))
        .isTrue();
    assertThat(analyser.accepts(List.of(SchemaRef.of("personal_data_indicator")))).isFalse();
  }
}

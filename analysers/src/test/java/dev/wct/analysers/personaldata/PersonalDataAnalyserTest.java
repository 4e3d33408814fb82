package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.messages.MessageSchemas;
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
    analyser.analyse(
        new RecordingContext(Path.of("."), "run-1", "pii"),
        properties,
        List.of(Inputs.standardInput(items)),
        out);
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

    assertThat(analyser.outputSchemas()).containsExactly(PersonalDataAnalyser.OUTPUT);
    assertThat(PersonalDataAnalyser.OUTPUT.toString()).isEqualTo("personal_data_indicator/2.0.0");
    assertThat(MessageSchemas.builtIn().validate(PersonalDataAnalyser.OUTPUT, out.content()))
        .isEmpty();
    assertThat(out.calls())
        .endsWith("item", "field:summary", "field:coverage", "field:analysis_metadata");
    JsonNode email = out.item("category", "email");
    assertThat(email.path("detectors").toString()).contains("email_address", "\"kind\":\"value\"");
    assertThat(email.path("confidence").asText()).isEqualTo("high");
    assertThat(email.path("location").path("file_path").asText()).isEqualTo("app/signup.php");
    assertThat(email.path("location").path("line").asInt()).isEqualTo(2);
    // The keyword in $user_email starts at column 7 of line 2, the address after it (the
    // detector takes the opening quote as a possible local-part character).
    assertThat(email.path("examples"))
        .extracting(e -> e.path("line").asInt() + ":" + e.path("column").asInt())
        .containsExactly("2:7", "2:15");
    JsonNode phone = out.item("category", "phone");
    assertThat(phone.path("location").path("table").asText()).isEqualTo("customers");
    assertThat(phone.path("location").path("column").asText()).isEqualTo("phone");
    assertThat(out.content().toString()).doesNotContain("jane.doe", "7946 0958");
    assertThat(out.content().path("analysis_metadata").path("ruleset").asText())
        .isEqualTo("local/personal_data_indicator/1.4.0");
    assertThat(out.content().path("analysis_metadata").path("items_scanned").asLong()).isEqualTo(2);
  }

  @Test
  void examplesStopAtTheMaximumPerLocationButEveryLocationAndMatchIsListed() {
    ObjectNode properties = properties();
    properties.putObject("pattern_matching").put("maximum_evidence_count", "2");
    List<ObjectNode> items =
        List.of(
            Inputs.file("a.txt", "mail a1@example.com\nmail a2@example.com\nmail a3@example.com"),
            Inputs.file("b.txt", "mail b2@example.com"),
            Inputs.file("c.txt", "mail c3@example.com"));

    List<JsonNode> emails = analyse(properties, items).items("category", "email");

    assertThat(emails)
        .extracting(e -> e.path("location").path("file_path").asText())
        .containsExactly("a.txt", "b.txt", "c.txt");
    JsonNode a = emails.get(0);
    assertThat(a.path("examples")).hasSize(2);
    assertThat(a.path("matches").asLong()).isEqualTo(3);
    assertThat(a.path("detectors").get(0).path("matches").asLong()).isEqualTo(3);
  }

  @Test
  void defaultEvidenceShowsNoWordOfTheScannedContent() {
    CollectingWriter out =
        analyse(
            properties(),
            List.of(
                Inputs.file(
                    "settings.ini",
                    "[db]\npassword = Sup3rS3cret-Passw0rd!\nsecret_key = sk_live_51HabcQwErTy\n"),
                Inputs.file(
                    "patients.csv",
                    "name,date_of_birth,diagnosis,ssn\nJohn Smith,1958-07-09,HIV positive,"
                        + "123-45-8712\n")));

    String content = out.content().toString();
    assertThat(content)
        .doesNotContain("Sup3r", "Passw0rd", "51Habc", "John", "Smith", "HIV", "positive", "1958")
        .contains("password = S**********-P*******!")
        .contains("name,date_of_birth,diagnosis,ssn\\n**** *****,****-**-**,H** p*******");
  }

  @Test
  void unredactedEvidenceShowsTheValueWhenAskedFor() {
    ObjectNode properties = properties().put("evidence_redaction", "none");

    JsonNode email =
        analyse(properties, List.of(Inputs.file("a.txt", "mail a1@example.com")))
            .item("category", "email");

    assertThat(email.path("examples").get(0).path("snippet").asText())
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
    assertThat(written.get())
        .as("one finding per file and category: every location is listed")
        .isEqualTo(2 * total);
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
            "artifact 'pii' (personal_data): property 'evidence_context_size' must be one of small, medium, large, full, got 'huge'");
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

package dev.wct.analysers.datasubject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.SchemaRef;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.messages.MessageSchemas;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataSubjectAnalyserTest {
  private static CollectingWriter analyse(List<ObjectNode> items) {
    CollectingWriter out = new CollectingWriter("findings");
    new DataSubjectAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            Json.mapper().createObjectNode(),
            List.of(Inputs.standardInput(items)),
            out);
    return out;
  }

  @Test
  void evidenceShowsTheKeywordButNoWordOfItsContext() {
    CollectingWriter out =
        analyse(
            List.of(
                Inputs.file(
                    "notes.txt", "Patient Anna Berglund, HIV positive, lives at 12 Elm Street.")));

    String snippet = out.item("subject", "patient").at("/examples/0/snippet").asText();
    assertThat(snippet).isEqualTo("Patient **** ********, H** p*******, l**** a* ** E** S*****.");
  }

  @Test
  void tableNamedAfterASubjectScoresHigherThanAPassingMention() {
    CollectingWriter out =
        analyse(
            List.of(
                Inputs.cell("patients", "diagnosis", "asthma"),
                Inputs.cell("patients", "admission_date", "2024-01-02"),
                Inputs.file(
                    "docs/notes.txt", "We may later hire a contractor for the migration.")));

    JsonNode patient = out.item("subject", "patient");
    JsonNode contractor = out.item("subject", "contractor");
    assertThat(patient.path("confidence_score").asInt())
        .isGreaterThan(contractor.path("confidence_score").asInt());
    assertThat(patient.path("confidence_score").asInt()).isBetween(0, 100);
    assertThat(
            MessageSchemas.builtIn()
                .validate(new SchemaRef("data_subject_indicator", "2.0.0"), out.content()))
        .isEmpty();
  }

  @Test
  void oneBareChildKeywordInCodeOrProseIsNoChildFinding() {
    CollectingWriter out =
        analyse(
            List.of(
                Inputs.file("static/menu.js", "list.appendChild(item);"),
                Inputs.file("build.js", "const { spawn } = require('child_process');"),
                Inputs.file("films.csv", "title,category\nUp,Children\n")));

    assertThat(out.items()).extracting(f -> f.path("subject").asText()).doesNotContain("child");
  }

  @Test
  void codeAboutEmployeesAndChildrenNamesBoth() {
    CollectingWriter out =
        analyse(
            List.of(
                Inputs.file(
                    "src/hr/EmployeeService.java",
                    "class EmployeeService { void enrolChild(Child child, ParentalConsent consent) {} }")));

    assertThat(out.items())
        .extracting(f -> f.path("subject").asText())
        .contains("employee", "child");
    assertThat(out.content().path("summary").path("subjects").has("employee")).isTrue();
  }

  @Test
  void textWithoutSubjectsYieldsNoFindings() {
    assertThat(analyse(List.of(Inputs.cell("product_catalog", "sku", "SKU-4821"))).items())
        .isEmpty();
  }
}

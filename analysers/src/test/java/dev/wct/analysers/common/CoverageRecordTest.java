package dev.wct.analysers.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.personaldata.PersonalDataAnalyser;
import dev.wct.analysers.purpose.ProcessingPurposeAnalyser;
import dev.wct.analysers.sourcecode.SourceCodeAnalyser;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.core.run.ObjectCoverage;
import dev.wct.spi.Analyser;
import dev.wct.spi.coverage.SkipReason;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.SchemaRef;
import dev.wct.testkit.RecordingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text analysers say in the run's coverage record what they read and what they could not. */
class CoverageRecordTest {
  private static RecordingContext analyse(Analyser analyser, ContentReader input) throws Exception {
    RecordingContext context = new RecordingContext(Path.of("."), "run-1", "pii");
    analyser.analyse(
        context,
        Json.mapper().createObjectNode(),
        List.of(input),
        new CollectingWriter("findings"));
    return context;
  }

  @Test
  void whenEveryItemHadItsContentTheConnectorsRecordIsLeftAsItIs() throws Exception {
    for (Analyser analyser : List.of(new PersonalDataAnalyser(), new ProcessingPurposeAnalyser())) {
      RecordingContext context =
          analyse(
              analyser,
              Inputs.standardInput(
                  List.of(
                      Inputs.file("app/User.php", "<?php $email = 'a@b.co';"),
                      Inputs.file("empty.txt", ""),
                      Inputs.cell("users", "email", "a@b.co"))));
      assertThat(context.coverage().objects()).isEmpty();
    }
  }

  @Test
  void codeUnitsWithAndWithoutContentAreEachRecorded() throws Exception {
    ObjectNode withContent = Json.mapper().createObjectNode();
    withContent.put("file_path", "app/a.php").put("content", "<?php $email;").put("line_count", 1);
    ObjectNode without = Json.mapper().createObjectNode();
    without.put("file_path", "app/b.php").put("content", "").put("line_count", 3);
    ObjectNode empty = Json.mapper().createObjectNode();
    empty.put("file_path", "app/c.php").put("content", "").put("line_count", 0);

    RecordingContext context =
        analyse(
            new PersonalDataAnalyser(),
            Inputs.reader(
                SchemaRef.of("source_code"),
                List.<JsonNode>of(withContent, without, empty).iterator()));
    assertThat(context.coverage().objects())
        .extracting(ObjectCoverage::object, ObjectCoverage::state, ObjectCoverage::reason)
        .containsExactly(
            tuple("app/a.php", ObjectCoverage.State.SCANNED, null),
            tuple("app/b.php", ObjectCoverage.State.SKIPPED, SkipReason.EXCLUDED),
            tuple("app/c.php", ObjectCoverage.State.SKIPPED, SkipReason.EMPTY));
  }

  @Test
  void codeUnitsWrittenWithoutContentAreRecordedAsNotReadAndWarnedAbout() throws Exception {
    CollectingWriter units = new CollectingWriter("data");
    new SourceCodeAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "code"),
            Json.mapper().createObjectNode().put("include_content", false),
            List.of(
                Inputs.standardInput(
                    List.of(
                        Inputs.file("app/User.php", "<?php $email = 'a@b.co';\n"),
                        Inputs.file("app/pay.js", "stripe.charges.create({email});\n")))),
            units);
    List<JsonNode> items = new ArrayList<>();
    units.items().forEach(items::add);
    assertThat(items).hasSize(2);

    for (Analyser analyser : List.of(new PersonalDataAnalyser(), new ProcessingPurposeAnalyser())) {
      RecordingContext context =
          analyse(analyser, Inputs.reader(SchemaRef.of("source_code"), items.iterator()));
      assertThat(context.coverage().objects())
          .extracting(ObjectCoverage::object, ObjectCoverage::state, ObjectCoverage::reason)
          .containsExactly(
              tuple("app/User.php", ObjectCoverage.State.SKIPPED, SkipReason.EXCLUDED),
              tuple("app/pay.js", ObjectCoverage.State.SKIPPED, SkipReason.EXCLUDED));
      assertThat(context.coverage().summary().warnings("pii", false))
          .containsExactly("pii: read 0 files (2 skipped: 2 excluded)");
    }
  }
}

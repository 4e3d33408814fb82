package dev.wct.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.SchemaRef;
import org.junit.jupiter.api.Test;

/** The run vocabulary keeps the JSON shape that recorded workflow histories and records hold. */
class ArtifactOutcomeJsonTest {
  private static final ObjectMapper JSON = Json.mapper();

  /** An outcome as the workflow returned it before the vocabulary moved to core. */
  private static final String RECORDED_OUTCOME =
      "{\"id\":\"files\",\"producer\":\"connector test_source\",\"state\":\"SUCCEEDED\","
          + "\"attempts\":1,\"output\":{\"key\":\"runs/r-1/artifacts/files.json\","
          + "\"schema\":\"standard_input/1.0.0\",\"sizeBytes\":100,\"sha256\":\"00\","
          + "\"itemCount\":1},\"error\":null,\"errorKind\":null,\"skipReason\":null,"
          + "\"startedAtMillis\":1795363436636,\"endedAtMillis\":1795363436645}";

  @Test
  void aRecordedOutcomeReadsWithItsClaimCheckNamingRunAndArtifact() throws Exception {
    ArtifactOutcome outcome = JSON.readValue(RECORDED_OUTCOME, ArtifactOutcome.class);

    assertThat(outcome)
        .isEqualTo(
            ArtifactOutcome.succeeded(
                "files",
                "connector test_source",
                new ArtifactRef(
                    "r-1",
                    "files",
                    "runs/r-1/artifacts/files.json",
                    SchemaRef.of("standard_input"),
                    100,
                    "00",
                    1),
                1,
                1795363436636L,
                1795363436645L));
  }

  @Test
  void anOutcomeWritesTheRecordedFieldsPlusTheClaimCheckIds() throws Exception {
    ArtifactOutcome outcome = JSON.readValue(RECORDED_OUTCOME, ArtifactOutcome.class);

    JsonNode written = new ObjectMapper().valueToTree(outcome);
    JsonNode recorded = JSON.readTree(RECORDED_OUTCOME);

    assertThat(written.properties()).hasSameSizeAs(recorded.properties());
    recorded.fieldNames().forEachRemaining(name -> assertThat(written.has(name)).isTrue());
    assertThat(written.path("output").path("runId").asText()).isEqualTo("r-1");
    assertThat(written.path("output").path("artifactId").asText()).isEqualTo("files");
    assertThat(JSON.treeToValue(written, ArtifactOutcome.class)).isEqualTo(outcome);
  }

  @Test
  void aClaimCheckWithoutIdsAndAnUnknownKeyIsRefused() {
    String odd =
        "{\"key\":\"elsewhere/files.json\",\"schema\":\"standard_input/1.0.0\","
            + "\"sizeBytes\":1,\"sha256\":\"00\",\"itemCount\":1}";

    assertThatThrownBy(() -> JSON.readValue(odd, ArtifactRef.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("elsewhere/files.json");
  }

  @Test
  void factoriesSetTheStateAndOnlyItsFields() {
    assertThat(ArtifactOutcome.waiting("a", "p").state()).isEqualTo(ArtifactState.WAITING);
    ArtifactOutcome running = ArtifactOutcome.running("a", "p", 2, 10L).withLastError("x", "USER");
    assertThat(running.state()).isEqualTo(ArtifactState.RUNNING);
    assertThat(running.error()).isEqualTo("x");
    assertThat(running.durationMillis()).isNull();
    ArtifactOutcome failed = ArtifactOutcome.failed("a", "p", "boom", "USER", 3, 10L, 25L);
    assertThat(failed.durationMillis()).isEqualTo(15L);
    assertThat(ArtifactOutcome.skipped("a", "p", "timeout", null, 5L).skipReason())
        .isEqualTo("timeout");
  }

  @Test
  void anOutcomeWithCoverageAndWarningsRoundTripsAndOldShapesReadWithout() throws Exception {
    ArtifactOutcome old = JSON.readValue(RECORDED_OUTCOME, ArtifactOutcome.class);
    assertThat(old.coverage()).isNull();
    assertThat(old.warnings()).isNull();
    assertThat(old.hasWarnings()).isFalse();

    CoverageCollector collector = new CoverageCollector();
    collector.objectsAre("files");
    collector.scanned("a.txt");
    collector.skipped("b.png", dev.wct.spi.coverage.SkipReason.BINARY);
    ArtifactOutcome outcome =
        ArtifactOutcome.succeeded(
            "files",
            "p",
            old.output(),
            1,
            1L,
            2L,
            collector.summary(),
            collector.summary().warnings("files", true));

    String json = JSON.writeValueAsString(outcome);
    assertThat(JSON.readValue(json, ArtifactOutcome.class)).isEqualTo(outcome);
    // Temporal's own mapper writes nulls; the new fields are left out when null all the same
    assertThat(new ObjectMapper().valueToTree(old).has("warnings")).isFalse();
    assertThat(outcome.warnings()).containsExactly("files: 1 of 2 files skipped (1 binary)");
  }

  @Test
  void warningsAreBoundedWithHowManyMore() {
    assertThat(ArtifactOutcome.bounded(java.util.List.of("1", "2", "3", "4", "5", "6", "7")))
        .containsExactly("1", "2", "3", "4", "and 3 more");
    assertThat(ArtifactOutcome.bounded(java.util.List.of("1", "2", "3", "4", "5"))).hasSize(5);
  }
}

package dev.wct.cli.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.cli.options.Age;
import dev.wct.cli.options.JsonOption;
import dev.wct.cli.options.StoreOptions;
import dev.wct.cli.report.ArtifactTable;
import dev.wct.cli.report.CoverageJson;
import dev.wct.cli.report.PrivateFiles;
import dev.wct.cli.report.RunJson;
import dev.wct.cli.report.TextTable;
import dev.wct.cli.report.Units;
import dev.wct.cli.report.inventory.StoredRun;
import dev.wct.core.run.ArtifactCoverage;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.CoverageSummary;
import dev.wct.core.run.ObjectCoverage;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.spi.text.Suggestions;
import dev.wct.store.ArtifactStore;
import dev.wct.store.StoreNames;
import dev.wct.store.runs.PartitionRecords;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import dev.wct.store.runs.SourceDeletion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wct inspect}: a run and its artifacts, or one artifact's content. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Show a run: its record, a table of its artifacts, what each source read and skipped"
          + " (coverage) and the run's warnings.",
      "With ARTIFACT, print that artifact's stored message as JSON; with ARTIFACT --coverage,"
          + " every object (file, table) its producer read or skipped, and why."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct inspect 20261122-153012-ab12cd",
      "  wct inspect 20261122-153012-ab12cd personal_data",
      "  wct inspect 20261122-153012-ab12cd personal_data --output personal_data.json",
      "  wct inspect 20261122-153012-ab12cd files --coverage"
    })
public final class InspectCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private StoreOptions store;

  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run (see 'wct runs').")
  private String runId;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "ARTIFACT",
      description = "An artifact of the run whose content to print.")
  private String artifactId;

  @Mixin private JsonOption json;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the artifact's content to FILE instead of standard output.")
  private Path output;

  @Option(
      names = "--coverage",
      description =
          "With ARTIFACT: list what its producer read and skipped, object by object (names only,"
              + " never content), instead of its content.")
  private boolean coverage;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (ArtifactStore artifacts = store.open()) {
      StoredRun run = StoredRun.load(artifacts, runId, store.displayName());
      if (coverage) {
        printCoverage(artifacts, run, out);
      } else if (artifactId == null) {
        Optional<SourceDeletion> deletion = new RunRecords(artifacts).sourceDeletion(runId);
        if (json.enabled()) {
          printJson(run, deletion, out);
        } else {
          printRun(run, deletion, out);
          printPartitions(new PartitionRecords(artifacts), run, out);
        }
      } else {
        printContent(artifacts, run, out, new RunRecords(artifacts));
      }
    }
    return 0;
  }

  private static void printRun(
      StoredRun stored, Optional<SourceDeletion> deletion, PrintWriter out) {
    RunRecord run = stored.run();
    out.println("Run       " + run.runId());
    out.println("Runbook   " + run.runbookName() + pathSuffix(run.runbookPath()));
    out.println("Status    " + run.status().label() + RetryText.statusHint(run));
    if (run.retryOf() != null) {
      out.println("Retry of  " + run.retryOf() + RetryText.reusedCount(stored.artifacts()));
    }
    out.println("Started   " + run.startedAt().truncatedTo(ChronoUnit.MILLIS));
    if (run.endedAt() != null) {
      out.println("Ended     " + run.endedAt().truncatedTo(ChronoUnit.MILLIS));
    }
    out.println("Duration  " + Units.duration(stored.durationMillis()));
    if (run.planHash() != null) {
      out.println("Plan      " + run.planHash());
    }
    if (run.error() != null) {
      out.println("Error     " + run.error());
    }
    if (run.retention() != null) {
      out.println("Retention " + Age.format(run.retention()) + " after the run ended");
    }
    deletion.ifPresent(
        d ->
            out.println(
                "Deleted   raw sources at run end: "
                    + String.join(", ", d.deletedSources())
                    + " (config.keep_sources keeps them)"));
    out.println();
    ArtifactTable table = new ArtifactTable();
    stored.artifacts().forEach(table::row);
    table.print(out);
    printCoverageSummary(stored, out);
  }

  /** One line per partitioned artifact: its partitions done of all listed. */
  private static void printPartitions(PartitionRecords records, StoredRun stored, PrintWriter out) {
    TextTable table = new TextTable("ARTIFACT", "PARTITIONS");
    boolean any = false;
    for (ArtifactOutcome artifact : stored.artifacts()) {
      Optional<PartitionRecords.Progress> progress =
          records.progress(stored.run().runId(), artifact.id());
      if (progress.isPresent()) {
        table.row(artifact.id(), progress.get().toString());
        any = true;
      }
    }
    if (any) {
      out.println();
      table.print(out);
    }
  }

  /** One line per artifact whose producer recorded coverage, then every warning. */
  private static void printCoverageSummary(StoredRun stored, PrintWriter out) {
    TextTable table = new TextTable("ARTIFACT", "COVERAGE");
    boolean any = false;
    for (ArtifactOutcome artifact : stored.artifacts()) {
      if (artifact.coverage() != null) {
        table.row(artifact.id(), CoverageJson.line(artifact.coverage()));
        any = true;
      }
    }
    if (any) {
      out.println();
      table.print(out);
    }
    List<String> warnings =
        stored.artifacts().stream().flatMap(a -> a.warningLines().stream()).toList();
    if (!warnings.isEmpty()) {
      out.println();
      warnings.forEach(warning -> out.println("Warning: " + warning));
    }
  }

  /** {@code ARTIFACT --coverage}: the artifact's coverage record, object by object. */
  private void printCoverage(ArtifactStore artifacts, StoredRun run, PrintWriter out)
      throws IOException {
    if (artifactId == null) {
      throw WctException.user(
          "--coverage needs an ARTIFACT: wct inspect " + runId + " ARTIFACT --coverage");
    }
    StoredRun.checkName(() -> StoreNames.artifactId(artifactId));
    ArtifactOutcome outcome =
        run.artifact(artifactId)
            .orElseThrow(
                () ->
                    WctException.user(
                        "run "
                            + runId
                            + " has no artifact '"
                            + artifactId
                            + "'"
                            + Suggestions.hint(
                                artifactId,
                                run.artifacts().stream().map(ArtifactOutcome::id).toList())));
    ArtifactCoverage record =
        new RunRecords(artifacts)
            .coverage(runId, artifactId)
            .orElseThrow(
                () ->
                    WctException.user(
                        "artifact '"
                            + artifactId
                            + "' of run "
                            + runId
                            + " has no coverage record: "
                            + (outcome.state() == ArtifactState.SUCCEEDED
                                ? "its producer records none"
                                : "it " + RunJson.label(outcome.state()))));
    if (json.enabled()) {
      try (JsonGenerator gen =
          Json.mapper()
              .getFactory()
              .createGenerator(out)
              .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
              .useDefaultPrettyPrinter()) {
        CoverageJson.write(outcome.producer(), record, outcome.warningLines(), gen);
      }
      out.println();
      out.flush();
      return;
    }
    out.println(artifactId + ": " + CoverageJson.line(record.summary()));
    out.println();
    TextTable table = new TextTable("OBJECT", "STATE", "ROWS", "REASON");
    for (ObjectCoverage object : record.objects()) {
      table.row(
          object.object(),
          object.state().name().toLowerCase(java.util.Locale.ROOT),
          rows(object),
          object.reason() == null ? null : CoverageSummary.label(object.reason().name()));
    }
    table.print(out);
    if (record.objectsNotListed() > 0) {
      out.println("(" + record.objectsNotListed() + " more objects counted but not listed)");
    }
    outcome.warningLines().forEach(warning -> out.println("Warning: " + warning));
    out.flush();
  }

  /** {@code 10 of 1200}, {@code 10}, or nothing for objects read in full or skipped. */
  private static String rows(ObjectCoverage object) {
    if (object.rowsRead() == null) {
      return null;
    }
    return object.rowsEstimated() == null
        ? object.rowsRead().toString()
        : object.rowsRead() + " of " + object.rowsEstimated();
  }

  private static String pathSuffix(String path) {
    return path == null ? "" : " (" + path + ")";
  }

  private static void printJson(StoredRun run, Optional<SourceDeletion> deletion, PrintWriter out)
      throws IOException {
    ObjectNode node = Json.mapper().createObjectNode();
    node.set("run", RunJson.run(run));
    if (run.run().retention() != null) {
      node.put("retention", Age.format(run.run().retention()));
    }
    ArrayNode deleted = node.putArray("deletedSources");
    deletion.ifPresent(d -> d.deletedSources().forEach(deleted::add));
    node.set("runbook", RunJson.runbook(run));
    node.set("summary", RunJson.summary(run));
    ArrayNode artifacts = node.putArray("artifacts");
    run.artifacts().forEach(a -> artifacts.add(RunJson.artifact(a)));
    out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node));
    out.flush();
  }

  private void printContent(
      ArtifactStore artifacts, StoredRun run, PrintWriter out, RunRecords records)
      throws IOException {
    StoredRun.checkName(() -> StoreNames.artifactId(artifactId));
    if (!artifacts.exists(runId, artifactId)) {
      if (records.sourceDeleted(runId, artifactId)) {
        throw WctException.user(SourceDeletion.deletedMessage(runId, artifactId));
      }
      throw WctException.user(whyNoContent(artifacts, run));
    }
    if (output == null) {
      copyPretty(artifacts, out);
      out.println();
      out.flush();
      return;
    }
    Path target = output.toAbsolutePath();
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try (OutputStream file = PrivateFiles.newOutputStream(partial)) {
      Writer writer = new OutputStreamWriter(file, StandardCharsets.UTF_8);
      copyPretty(artifacts, writer);
      writer.flush();
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    out.println("Wrote " + artifactId + " (" + Units.bytes(Files.size(target)) + ") to " + output);
    out.flush();
  }

  /** Streams the stored message, pretty-printed, token by token. */
  private void copyPretty(ArtifactStore artifacts, Writer target) throws IOException {
    try (InputStream in = artifacts.read(runId, artifactId);
        JsonParser parser = Json.mapper().getFactory().createParser(in);
        JsonGenerator gen =
            Json.mapper()
                .getFactory()
                .createGenerator(target)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .useDefaultPrettyPrinter()) {
      while (parser.nextToken() != null) {
        gen.copyCurrentStructure(parser);
      }
    }
  }

  private String whyNoContent(ArtifactStore artifacts, StoredRun run) {
    String prefix = "run " + runId + " has no artifact '" + artifactId + "'";
    return run.artifact(artifactId)
        .map(this::noContentBecause)
        .orElseGet(
            () -> {
              List<String> known =
                  run.artifacts().isEmpty()
                      ? artifacts.list(runId)
                      : run.artifacts().stream().map(ArtifactOutcome::id).toList();
              return prefix + Suggestions.hint(artifactId, known);
            });
  }

  private String noContentBecause(ArtifactOutcome record) {
    String base = "artifact '" + artifactId + "' of run " + runId + " has no content: it ";
    return switch (record.state()) {
      case FAILED -> base + "failed: " + record.error();
      case SKIPPED -> base + "was skipped: " + record.skipReason();
      case WAITING -> base + "has not run yet";
      case RUNNING -> base + "is still running";
      case SUCCEEDED -> base + "is missing from the store";
    };
  }
}

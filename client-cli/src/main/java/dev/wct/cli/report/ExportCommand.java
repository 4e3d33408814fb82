package dev.wct.cli.report;

import dev.wct.cli.context.CliContext;
import dev.wct.cli.options.StoreOptions;
import dev.wct.cli.report.inventory.InventoryReader;
import dev.wct.cli.report.inventory.Presentations;
import dev.wct.cli.report.inventory.StoredRun;
import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wct export}: a run's results as JSON, or as an HTML report for people. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export a run: 'json' is the results document (run, runbook, summary, outputs with their"
          + " content, errors, skipped);",
      "'html' is a self-contained report a data protection officer can read (summary, data map,"
          + " details);",
      "'csv' is the inventory, one row per location and category of personal data;",
      "'ropa' is a draft GDPR Art. 30(1) record per system, in Markdown, fields a scan cannot"
          + " know marked to complete; 'ropa-json' is the same draft as JSON."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct export 20261122-153012-ab12cd > results.json",
      "  wct export 20261122-153012-ab12cd --format html --output report.html",
      "  wct export 20261122-153012-ab12cd --format csv --output inventory.csv",
      "  wct export 20261122-153012-ab12cd --format ropa --output ropa.md"
    })
public final class ExportCommand implements Callable<Integer> {
  private static final List<String> FORMATS = List.of("json", "html", "csv", "ropa", "ropa-json");

  @Spec private CommandSpec spec;

  private final CliContext context;

  @Mixin private StoreOptions store;

  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run (see 'wct runs').")
  private String runId;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "json",
      description = "json, html, csv, ropa or ropa-json (default: ${DEFAULT-VALUE}).")
  private String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  private Path output;

  @Option(
      names = "--maximum-evidence-count",
      paramLabel = "N",
      description =
          "Examples shown per finding in the HTML report (default: every example the analysers"
              + " stored, which their maximum_evidence_count already caps).")
  private Integer maxEvidence;

  ExportCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    String chosen = format.toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(chosen)) {
      throw WctException.user(
          "unknown format '" + format + "': use json, html, csv, ropa or ropa-json");
    }
    if (maxEvidence != null && maxEvidence < 0) {
      throw WctException.user("--maximum-evidence-count must not be negative, got " + maxEvidence);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (ArtifactStore artifacts = store.open()) {
      StoredRun run = StoredRun.load(artifacts, runId, store.displayName());
      if (output == null) {
        write(chosen, artifacts, run, out);
        out.flush();
        return 0;
      }
      Path target = output.toAbsolutePath();
      Path partial = target.resolveSibling(target.getFileName() + ".partial");
      try (OutputStream file = PrivateFiles.newOutputStream(partial)) {
        Writer writer = new OutputStreamWriter(file, StandardCharsets.UTF_8);
        write(chosen, artifacts, run, writer);
        writer.flush();
      } catch (IOException e) {
        Files.deleteIfExists(partial);
        throw WctException.user("cannot write " + output + ": " + e.getMessage());
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      out.println("Wrote " + chosen + " export of run " + runId + " to " + output);
      out.flush();
    }
    return 0;
  }

  private void write(String chosen, ArtifactStore artifacts, StoredRun run, Writer out) {
    Presentations presentations = Presentations.of(context.catalog());
    switch (chosen) {
      case "json" -> new ResultsDocument(artifacts, presentations).write(run, out);
      case "html" -> new HtmlReport(artifacts, presentations, maxEvidence).write(run, out);
      case "csv" -> CsvExport.write(new InventoryReader(artifacts, presentations).read(run), out);
      case "ropa" ->
          RopaExport.write(run, new InventoryReader(artifacts, presentations).read(run), out);
      default ->
          RopaExport.writeJson(run, new InventoryReader(artifacts, presentations).read(run), out);
    }
  }
}

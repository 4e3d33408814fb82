package dev.wct.cli.report;

import dev.wct.cli.options.StoreOptions;
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
      "'html' is a self-contained report a data protection officer can read."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct export 20261122-153012-ab12cd > results.json",
      "  wct export 20261122-153012-ab12cd --format html --output report.html"
    })
public final class ExportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private StoreOptions store;

  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run (see 'wct runs').")
  private String runId;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "json",
      description = "json or html (default: ${DEFAULT-VALUE}).")
  private String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  private Path output;

  @Option(
      names = "--max-evidence",
      paramLabel = "N",
      defaultValue = "" + HtmlReport.DEFAULT_MAX_EVIDENCE,
      description = "Evidence snippets shown per finding in the HTML report (default: 5).")
  private int maxEvidence;

  @Override
  public Integer call() throws Exception {
    String chosen = format.toLowerCase(Locale.ROOT);
    if (!chosen.equals("json") && !chosen.equals("html")) {
      throw WctException.user("unknown format '" + format + "': use json or html");
    }
    if (maxEvidence < 0) {
      throw WctException.user("--max-evidence must not be negative, got " + maxEvidence);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (ArtifactStore artifacts = store.open()) {
      StoredRun run = StoredRun.load(artifacts, runId, store.displayName());
      if (output == null) {
        if (chosen.equals("json")) {
          new ResultsDocument(artifacts).write(run, out);
        } else {
          new HtmlReport(artifacts, maxEvidence).write(run, out);
        }
        out.flush();
        return 0;
      }
      Path target = output.toAbsolutePath();
      Path partial = target.resolveSibling(target.getFileName() + ".partial");
      try (OutputStream file = Files.newOutputStream(partial)) {
        if (chosen.equals("json")) {
          new ResultsDocument(artifacts).write(run, file);
        } else {
          Writer writer = new OutputStreamWriter(file, StandardCharsets.UTF_8);
          new HtmlReport(artifacts, maxEvidence).write(run, writer);
          writer.flush();
        }
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
}

package dev.wct.cli.run;

import dev.wct.cli.options.StoreOptions;
import dev.wct.cli.report.ArtifactTable;
import dev.wct.cli.report.PrivateFiles;
import dev.wct.cli.report.ResultsDocument;
import dev.wct.cli.report.UnmaskedEvidence;
import dev.wct.cli.report.inventory.Presentations;
import dev.wct.cli.report.inventory.StoredRun;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.spi.ComponentCatalog;
import dev.wct.store.ArtifactStore;
import dev.wct.workflows.run.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What {@code wct run} and {@code wct watch} print when a run ends: the summary table, coverage
 * warnings, where the results document went, the status and what to do next.
 */
public final class RunReport {
  private static final int MAX_SUMMARY_ROWS = 50;
  private static final int MAX_WARNING_LINES = 20;
  private static final String RESULTS = "results.json";

  private final ComponentCatalog catalog;
  private final StoreOptions store;
  private final Path output;

  /**
   * @param output where to write the results document; null for the run's record in the store
   */
  public RunReport(ComponentCatalog catalog, StoreOptions store, Path output) {
    this.catalog = catalog;
    this.store = store;
    this.output = output;
  }

  /** Prints the report of {@code result} and returns the exit code its status calls for. */
  public int print(RunResult result, ArtifactStore artifacts, PrintWriter out) throws IOException {
    out.println();
    // A big run lists what went wrong; 'wct inspect' has every artifact.
    boolean onlyProblems = result.artifacts().size() > MAX_SUMMARY_ROWS;
    ArtifactTable table = new ArtifactTable();
    int hidden = 0;
    for (ArtifactOutcome artifact : result.artifacts()) {
      if (onlyProblems && artifact.state() == ArtifactState.SUCCEEDED) {
        hidden++;
        continue;
      }
      table.row(artifact);
    }
    table.print(out);
    if (hidden > 0) {
      out.println("(" + hidden + " succeeded artifacts not listed; wct inspect lists every one)");
    }
    printWarnings(result, out);
    out.println();
    String runId = result.runId();
    StoredRun stored = StoredRun.load(artifacts, runId, store.displayName());
    out.println("Results: " + writeResults(artifacts, stored));
    Presentations presentations = Presentations.of(catalog);
    List<String> unmasked = UnmaskedEvidence.artifacts(artifacts, stored, presentations);
    if (!unmasked.isEmpty()) {
      out.println("Warning: " + UnmaskedEvidence.warning(unmasked));
    }
    out.println("Run " + runId + " " + result.status().label());
    // Pasteable as printed: the command as it was started, and the store it was given.
    String wct = System.getProperty("wct.command", "wct");
    String inThisStore = store.givenArguments();
    out.println(
        "Next: "
            + wct
            + " inspect "
            + runId
            + inThisStore
            + ", or "
            + wct
            + " export "
            + runId
            + inThisStore
            + " --format html --output report.html");
    out.flush();
    return RunExit.of(result.status());
  }

  /** Coverage warnings, one line each, bounded; {@code wct inspect} shows them all. */
  private static void printWarnings(RunResult result, PrintWriter out) {
    List<String> warnings =
        result.artifacts().stream().flatMap(a -> a.warningLines().stream()).toList();
    if (!warnings.isEmpty()) {
      out.println();
    }
    for (int i = 0; i < Math.min(warnings.size(), MAX_WARNING_LINES); i++) {
      out.println("Warning: " + warnings.get(i));
    }
    if (warnings.size() > MAX_WARNING_LINES) {
      out.println(
          "Warning: and "
              + (warnings.size() - MAX_WARNING_LINES)
              + " more (wct inspect "
              + result.runId()
              + " lists every one)");
    }
  }

  /**
   * Writes the results document, into the store as the run record {@code results.json} (a folder or
   * S3 alike) unless {@code --output} names a file, and returns where it went.
   */
  private String writeResults(ArtifactStore artifacts, StoredRun stored) throws IOException {
    String runId = stored.run().runId();
    Presentations presentations = Presentations.of(catalog);
    if (output == null) {
      ByteArrayOutputStream document = new ByteArrayOutputStream();
      new ResultsDocument(artifacts, presentations).write(stored, document);
      artifacts.saveRecord(runId, RESULTS, document.toByteArray());
      return artifacts.recordLocation(runId, RESULTS);
    }
    Path absolute = output.toAbsolutePath();
    PrivateFiles.createDirectories(absolute.getParent());
    Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
    try (OutputStream file = PrivateFiles.newOutputStream(partial)) {
      new ResultsDocument(artifacts, presentations).write(stored, file);
    }
    Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
    return output.toString();
  }
}

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
import dev.wct.core.run.RunStatus;
import dev.wct.engine.RunHandle;
import dev.wct.engine.connect.TemporalConnection;
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
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code wct run} and {@code wct retry} do once a run has started: follow it with live
 * progress, print the summary table and warnings, write the results document, and say what to do
 * next. Returns the exit code.
 */
public final class RunFollowUp {
  private static final int MAX_SUMMARY_ROWS = 50;
  private static final int MAX_WARNING_LINES = 20;
  private static final String RESULTS = "results.json";

  private final PrintWriter out;
  private final PrintWriter err;
  private final StoreOptions store;
  private final Presentations presentations;
  private final Path output;
  private final boolean quiet;

  /**
   * @param output where to write the results document; null for the run's record in the store
   * @param quiet no live progress
   */
  public RunFollowUp(
      CommandSpec spec,
      StoreOptions store,
      Presentations presentations,
      Path output,
      boolean quiet) {
    this.out = spec.commandLine().getOut();
    this.err = spec.commandLine().getErr();
    this.store = store;
    this.presentations = presentations;
    this.output = output;
    this.quiet = quiet;
  }

  /** Follows {@code run} of {@code artifactCount} artifacts to its end; returns the exit code. */
  public int follow(
      RunHandle run,
      String runbookName,
      int artifactCount,
      TemporalConnection connection,
      ArtifactStore artifacts)
      throws IOException, InterruptedException {
    out.println(
        "Run "
            + run.runId()
            + ": "
            + runbookName
            + " ("
            + artifactCount
            + (artifactCount == 1 ? " artifact)" : " artifacts)"));
    out.flush();
    connection.warning().ifPresent(warning -> err.println("wct: " + warning));

    RunResult result = new RunFollower(run, display(out), err).follow();

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
    StoredRun stored = StoredRun.load(artifacts, run.runId(), store.displayName());
    out.println("Results: " + writeResults(artifacts, stored));
    List<String> unmasked = UnmaskedEvidence.artifacts(artifacts, stored, presentations);
    if (!unmasked.isEmpty()) {
      out.println("Warning: " + UnmaskedEvidence.warning(unmasked));
    }
    out.println("Run " + run.runId() + " " + result.status().label());
    // Pasteable as printed: the command as it was started, and the store it was given.
    String wct = System.getProperty("wct.command", "wct");
    String inThisStore = store.givenArguments();
    out.println(
        "Next: "
            + wct
            + " inspect "
            + run.runId()
            + inThisStore
            + ", or "
            + wct
            + " export "
            + run.runId()
            + inThisStore
            + " --format html --output report.html");
    out.flush();
    return exitCode(result.status());
  }

  /** 0 for a successful run, {@link RunCommand#EXIT_WARNINGS} with warnings, else 1. */
  public static int exitCode(RunStatus status) {
    if (status == RunStatus.COMPLETED_WITH_WARNINGS) {
      return RunCommand.EXIT_WARNINGS;
    }
    return status.successful() ? 0 : 1;
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

  private ProgressDisplay display(PrintWriter out) {
    if (quiet) {
      return ProgressDisplay.NONE;
    }
    return System.console() != null
        ? new TerminalProgress(out, System::currentTimeMillis)
        : new PlainProgress(out, System::currentTimeMillis);
  }

  /**
   * Writes the results document, into the store as the run record {@code results.json} (a folder or
   * S3 alike) unless {@code --output} names a file, and returns where it went.
   */
  private String writeResults(ArtifactStore artifacts, StoredRun stored) throws IOException {
    String runId = stored.run().runId();
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

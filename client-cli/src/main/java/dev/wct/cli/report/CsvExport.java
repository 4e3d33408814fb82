package dev.wct.cli.report;

import dev.wct.cli.report.inventory.Finding;
import dev.wct.cli.report.inventory.Inventory;
import dev.wct.cli.report.inventory.Location;
import dev.wct.spi.FindingsPresentation.Aspect;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The inventory as CSV (RFC 4180, CRLF line ends): one row per location and category of personal
 * data, with the data subjects and purposes found in the same object of the same system. A cell
 * that a spreadsheet would read as a formula is defused with a leading apostrophe.
 */
public final class CsvExport {
  static final List<String> COLUMNS =
      List.of(
          "system",
          "object",
          "location",
          "schema",
          "table",
          "column",
          "file_path",
          "line",
          "category",
          "classification",
          "flags",
          "flagged",
          "data_subjects",
          "purposes",
          "confidence",
          "matches",
          "finding_id",
          "artifact",
          "fingerprint",
          "suppressed");

  private CsvExport() {}

  public static void write(Inventory inventory, Writer out) {
    PrintWriter csv = new PrintWriter(out);
    row(csv, COLUMNS);
    for (Finding finding : inventory.findings(Aspect.PERSONAL_DATA)) {
      Location at = finding.location();
      List<String> cells = new ArrayList<>();
      cells.add(finding.system());
      cells.add(finding.object());
      cells.add(finding.where());
      cells.add(at == null ? "" : nullToEmpty(at.schema()));
      cells.add(at == null ? "" : nullToEmpty(at.table()));
      cells.add(at == null ? "" : nullToEmpty(at.column()));
      cells.add(at == null ? "" : nullToEmpty(at.filePath()));
      cells.add(at == null || at.line() == null ? "" : at.line().toString());
      cells.add(finding.value());
      cells.add(nullToEmpty(finding.classification()));
      cells.add(String.join("; ", finding.flagLabels()));
      // Any flag its classifier raises (Art. 9 special category, Art. 10 criminal offence data).
      cells.add(finding.flags().isEmpty() ? "no" : "yes");
      cells.add(joined(inventory.related(finding, Aspect.DATA_SUBJECTS)));
      cells.add(joined(inventory.related(finding, Aspect.PURPOSES)));
      cells.add(
          finding.confidence() != null
              ? finding.confidence().toString()
              : Objects.requireNonNullElse(finding.confidenceLevel(), ""));
      cells.add(String.valueOf(finding.matches()));
      cells.add(finding.id());
      cells.add(finding.artifactId());
      cells.add(finding.fingerprint());
      cells.add(suppressed(finding));
      row(csv, cells);
    }
    csv.flush();
  }

  private static String suppressed(Finding finding) {
    if (finding.suppression() == null) {
      return "";
    }
    Finding.Suppressed s = finding.suppression();
    return (s.applies() ? "suppressed by " : "lapsed (evidence changed), accepted by ")
        + s.entry().who()
        + " on "
        + s.entry().when()
        + ": "
        + s.entry().why();
  }

  private static String joined(List<Finding> findings) {
    Set<String> labels = new LinkedHashSet<>();
    findings.forEach(f -> labels.add(f.label()));
    return String.join("; ", labels);
  }

  private static void row(PrintWriter csv, List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(cell(cells.get(i)));
    }
    csv.print(line);
    csv.print("\r\n");
  }

  /** One cell: defused against formulas, then quoted when RFC 4180 requires it. */
  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}

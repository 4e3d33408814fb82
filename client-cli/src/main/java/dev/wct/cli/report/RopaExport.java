package dev.wct.cli.report;

import dev.wct.cli.report.inventory.Finding;
import dev.wct.cli.report.inventory.Inventory;
import dev.wct.spi.FindingsPresentation.Aspect;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A draft record of processing activities (GDPR Art. 30(1)) per system, in Markdown: it is
 * completed by people, so it should diff in review, paste into a wiki and convert to anything. What
 * a scan can see is filled in; what it cannot (controller, DPO, retention, transfers, security
 * measures) is present and marked to complete.
 */
public final class RopaExport {
  static final String TO_COMPLETE = "**to complete**";

  private RopaExport() {}

  public static void write(StoredRun run, Inventory inventory, Writer out) {
    PrintWriter md = new PrintWriter(out);
    md.println("# Record of processing activities — draft (GDPR Art. 30(1))");
    md.println();
    md.println(
        "Drafted by wct from run `"
            + code(run.run().runId())
            + "` of *"
            + md(run.run().runbookName())
            + "* ("
            + run.run().startedAt()
            + "), generated "
            + Instant.now()
            + ".");
    md.println(
        "Everything below was seen by an automated scan and must be confirmed; fields marked "
            + TO_COMPLETE
            + " cannot be known from a scan.");
    md.println();
    md.println("## Controller (Art. 30(1)(a))");
    md.println();
    md.println("- Name and contact details of the controller: " + TO_COMPLETE);
    md.println("- Joint controller and representative, if any: " + TO_COMPLETE);
    String contact = run.planIfKnown().map(p -> p.runbook().contact()).orElse(null);
    md.println(
        "- Data protection officer: "
            + (contact == null
                ? TO_COMPLETE
                : md(contact) + " (the runbook's contact; confirm) " + TO_COMPLETE));
    long suppressed = inventory.findings().stream().filter(Finding::suppressed).count();
    if (suppressed > 0) {
      md.println();
      md.println(
          "_"
              + Text.count(suppressed, "finding", "findings")
              + " suppressed as accepted false positives are left out._");
    }
    List<Finding> active = inventory.active();
    List<String> systems = new ArrayList<>();
    active.forEach(
        f -> {
          if (!systems.contains(f.system())) {
            systems.add(f.system());
          }
        });
    if (systems.isEmpty()) {
      md.println();
      md.println("The scan found no personal data; nothing to record from it.");
    }
    for (String system : systems) {
      List<Finding> here = active.stream().filter(f -> f.system().equals(system)).toList();
      md.println();
      md.println("## Processing in `" + code(system) + "`");
      md.println();
      md.println("### Purposes of the processing (Art. 30(1)(b))");
      md.println();
      list(md, here, Aspect.PURPOSES, "None seen by the scan: " + TO_COMPLETE);
      md.println();
      md.println("### Categories of data subjects (Art. 30(1)(c))");
      md.println();
      list(md, here, Aspect.DATA_SUBJECTS, "None seen by the scan: " + TO_COMPLETE);
      md.println();
      md.println("### Categories of personal data (Art. 30(1)(c))");
      md.println();
      list(md, here, Aspect.PERSONAL_DATA, "None seen by the scan: " + TO_COMPLETE);
      md.println();
      md.println("### Recipients and third parties (Art. 30(1)(d))");
      md.println();
      Set<String> recipients = new LinkedHashSet<>();
      here.forEach(f -> recipients.addAll(f.recipients()));
      if (recipients.isEmpty()) {
        md.println("- None seen in code: " + TO_COMPLETE);
      } else {
        for (String recipient : recipients) {
          md.println(
              "- `"
                  + code(recipient)
                  + "`"
                  + " (a service seen in code; confirm whether it receives personal data and"
                  + " under which contract)");
        }
        md.println("- Other recipients: " + TO_COMPLETE);
      }
      md.println();
      md.println("### Transfers to third countries (Art. 30(1)(e))");
      md.println();
      md.println("- Countries, international organisations and safeguards: " + TO_COMPLETE);
      md.println();
      md.println("### Time limits for erasure (Art. 30(1)(f))");
      md.println();
      md.println("- Retention period per category: " + TO_COMPLETE);
      md.println();
      md.println("### Technical and organisational security measures (Art. 30(1)(g))");
      md.println();
      md.println("- Measures under Art. 32(1): " + TO_COMPLETE);
      md.println();
      md.println("### Where the scan found it");
      md.println();
      Set<String> places = new LinkedHashSet<>();
      here.forEach(
          f -> places.add(f.location() == null ? Finding.LOCATION_NOT_RECORDED : f.object()));
      places.forEach(p -> md.println("- `" + code(p) + "`"));
    }
    md.flush();
  }

  private static void list(PrintWriter md, List<Finding> findings, Aspect aspect, String none) {
    Map<String, Set<String>> flags = new LinkedHashMap<>();
    for (Finding finding : findings) {
      if (finding.aspect() == aspect) {
        flags
            .computeIfAbsent(finding.label(), l -> new LinkedHashSet<>())
            .addAll(finding.flagLabels());
      }
    }
    if (flags.isEmpty()) {
      md.println("- " + none);
      return;
    }
    for (Map.Entry<String, Set<String>> entry : flags.entrySet()) {
      md.println(
          "- "
              + label(entry.getKey())
              + (entry.getValue().isEmpty()
                  ? ""
                  : " — **" + md(String.join(", ", entry.getValue())) + "**"));
    }
  }

  /** {@code value (classification)} with the identifiers in code spans. */
  private static String label(String label) {
    int open = label.indexOf(" (");
    if (open < 0 || !label.endsWith(")")) {
      return "`" + code(label) + "`";
    }
    return "`"
        + code(label.substring(0, open))
        + "` ("
        + md(label.substring(open + 2, label.length() - 1).replace('_', ' '))
        + ")";
  }

  /** Markdown text with its markup characters escaped and no raw HTML. */
  static String md(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\n', '\r' -> out.append(' ');
        default -> {
          if ("\\`*_[]|".indexOf(c) >= 0) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }

  /** Text inside a code span: backticks and line breaks cannot end it. */
  static String code(String text) {
    return text.replace('`', '\'').replace('\n', ' ').replace('\r', ' ');
  }
}

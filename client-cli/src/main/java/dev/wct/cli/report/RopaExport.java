package dev.wct.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.cli.report.inventory.Finding;
import dev.wct.cli.report.inventory.Inventory;
import dev.wct.cli.report.inventory.StoredRun;
import dev.wct.cli.report.inventory.Text;
import dev.wct.spi.FindingsPresentation.Aspect;
import dev.wct.spi.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
  static final String TO_COMPLETE_JSON = "to complete";

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

  /**
   * The same draft as JSON, for tools that keep records of processing: what the scan saw per
   * system, every field it cannot know set to {@code "to complete"}.
   */
  public static void writeJson(StoredRun run, Inventory inventory, Writer out) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("record", "GDPR Art. 30(1) record of processing activities, draft");
    doc.put("run_id", run.run().runId()).put("runbook", run.run().runbookName());
    doc.put("generated_at", Instant.now().toString());
    ObjectNode controller = doc.putObject("controller");
    controller.put("name_and_contact", TO_COMPLETE_JSON);
    controller.put("joint_controller_and_representative", TO_COMPLETE_JSON);
    String contact = run.planIfKnown().map(p -> p.runbook().contact()).orElse(null);
    ObjectNode dpo = controller.putObject("data_protection_officer");
    dpo.put("contact", contact == null ? TO_COMPLETE_JSON : contact);
    dpo.put("source", contact == null ? "none" : "the runbook's contact, to confirm");
    doc.put(
        "suppressed_findings_left_out",
        inventory.findings().stream().filter(Finding::suppressed).count());
    ArrayNode processing = doc.putArray("processing");
    List<Finding> active = inventory.active();
    for (String system : systemsOf(active)) {
      List<Finding> here = active.stream().filter(f -> f.system().equals(system)).toList();
      ObjectNode entry = processing.addObject().put("system", system);
      entry.set("purposes", values(here, Aspect.PURPOSES));
      entry.set("categories_of_data_subjects", values(here, Aspect.DATA_SUBJECTS));
      entry.set("categories_of_personal_data", values(here, Aspect.PERSONAL_DATA));
      ArrayNode recipients = entry.putArray("recipients_seen_in_code");
      Set<String> seen = new LinkedHashSet<>();
      here.forEach(f -> seen.addAll(f.recipients()));
      seen.forEach(recipients::add);
      entry.put("other_recipients", TO_COMPLETE_JSON);
      entry.put("transfers_to_third_countries", TO_COMPLETE_JSON);
      entry.put("time_limits_for_erasure", TO_COMPLETE_JSON);
      entry.put("security_measures", TO_COMPLETE_JSON);
      ArrayNode places = entry.putArray("locations");
      Set<String> where = new LinkedHashSet<>();
      here.forEach(
          f -> where.add(f.location() == null ? Finding.LOCATION_NOT_RECORDED : f.object()));
      where.forEach(places::add);
    }
    try {
      Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out, doc);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ArrayNode values(List<Finding> findings, Aspect aspect) {
    Map<String, ObjectNode> byValue = new LinkedHashMap<>();
    ArrayNode array = Json.mapper().createArrayNode();
    for (Finding finding : findings) {
      if (finding.aspect() != aspect) {
        continue;
      }
      ObjectNode item =
          byValue.computeIfAbsent(
              finding.label(),
              l -> {
                ObjectNode created = array.addObject().put("value", finding.value());
                if (finding.classification() != null) {
                  created.put("classification", finding.classification());
                }
                created.putArray("flags");
                return created;
              });
      ArrayNode flags = (ArrayNode) item.get("flags");
      for (String flag : finding.flagLabels()) {
        boolean present = false;
        for (var existing : flags) {
          present |= existing.asText().equals(flag);
        }
        if (!present) {
          flags.add(flag);
        }
      }
    }
    return array;
  }

  private static List<String> systemsOf(List<Finding> findings) {
    List<String> systems = new ArrayList<>();
    findings.forEach(
        f -> {
          if (!systems.contains(f.system())) {
            systems.add(f.system());
          }
        });
    return systems;
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

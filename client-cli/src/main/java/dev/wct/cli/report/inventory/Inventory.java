package dev.wct.cli.report.inventory;

import dev.wct.cli.report.suppression.RunSuppressions;
import dev.wct.spi.FindingsPresentation.Aspect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a run found, as reports read it: the findings of its findings artifacts (classifications in
 * place of the indicators they classify), the sources it scanned and, when recorded, the coverage
 * of each object.
 *
 * @param findings in artifact order, then as stored
 * @param sources the connector artifacts of the run
 * @param coverage per-object coverage records, empty when the run recorded none
 * @param suppressions the suppressions the run applied
 */
public record Inventory(
    List<Finding> findings,
    List<Source> sources,
    List<Coverage> coverage,
    RunSuppressions suppressions) {
  public Inventory {
    findings = List.copyOf(findings);
    sources = List.copyOf(sources);
    coverage = List.copyOf(coverage);
    Objects.requireNonNull(suppressions, "suppressions");
  }

  /**
   * A source artifact of the run.
   *
   * @param artifactId its id
   * @param name its display name (the id when it has none)
   * @param type the connector type
   * @param items how many items it produced, null when it produced nothing
   */
  public record Source(String artifactId, String name, String type, Long items) {}

  /**
   * One object's coverage record.
   *
   * @param system the system of the object
   * @param object the object (file or table)
   * @param status as recorded, e.g. scanned, skipped, failed
   * @param reason why it was not scanned fully; null when it was
   * @param gap whether it was not scanned fully
   */
  public record Coverage(String system, String object, String status, String reason, boolean gap) {}

  /** Findings about one aspect. */
  public List<Finding> findings(Aspect aspect) {
    return findings.stream().filter(f -> f.aspect() == aspect).toList();
  }

  /** Findings nobody suppressed. */
  public List<Finding> active() {
    return findings.stream().filter(f -> !f.suppressed()).toList();
  }

  /** Whether any finding records its location. */
  public boolean perLocation() {
    return findings.stream().anyMatch(f -> f.location() != null);
  }

  /** The systems findings were made in, in order of first appearance. */
  public List<String> systems() {
    Set<String> systems = new LinkedHashSet<>();
    findings.forEach(f -> systems.add(f.system()));
    return List.copyOf(systems);
  }

  /** The findings of a system grouped by object (file or table), objects in order of appearance. */
  public Map<String, List<Finding>> byObject(String system) {
    Map<String, List<Finding>> objects = new LinkedHashMap<>();
    for (Finding finding : findings) {
      if (finding.system().equals(system)) {
        objects.computeIfAbsent(finding.object(), o -> new ArrayList<>()).add(finding);
      }
    }
    return objects;
  }

  /**
   * The data-map rows of a system: its objects with their findings. A finding that records no
   * location is listed under each object its examples were seen in (under the empty object when
   * they say nowhere), so that a run that predates per-location findings still maps somewhere.
   */
  public Map<String, List<Finding>> mapRows(String system) {
    Map<String, List<Finding>> rows = new LinkedHashMap<>();
    for (Finding finding : findings) {
      if (!finding.system().equals(system)) {
        continue;
      }
      Set<String> objects = new LinkedHashSet<>();
      if (finding.location() != null) {
        objects.add(finding.location().object());
      } else {
        finding.examples().stream()
            .filter(e -> e.location() != null)
            .forEach(e -> objects.add(e.location().object()));
        if (objects.isEmpty()) {
          objects.add("");
        }
      }
      objects.forEach(o -> rows.computeIfAbsent(o, k -> new ArrayList<>()).add(finding));
    }
    return rows;
  }

  /**
   * The active findings about {@code aspect} that belong with {@code finding}: those of the same
   * object of the same system when locations are recorded, else those of the same system.
   */
  public List<Finding> related(Finding finding, Aspect aspect) {
    return findings.stream()
        .filter(f -> f.aspect() == aspect && !f.suppressed())
        .filter(f -> f.system().equals(finding.system()))
        .filter(f -> f.object().equals(finding.object()))
        .toList();
  }

  /** Coverage records of objects not scanned fully. */
  public List<Coverage> gaps() {
    return coverage.stream().filter(Coverage::gap).toList();
  }
}

package dev.wct.core.plan;

import java.util.Objects;

/** What a plan remembers of the runbook it came from, for reports and run lists. */
public record RunbookInfo(
    String name, String description, String contact, String framework, String path) {
  public RunbookInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
  }
}

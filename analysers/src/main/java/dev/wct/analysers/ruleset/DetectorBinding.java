package dev.wct.analysers.ruleset;

import java.util.Objects;

/**
 * Switches a built-in value detector on and names the category its matches report.
 *
 * @param detector a detector name, e.g. {@code email_address}
 * @param category the category of its findings
 */
public record DetectorBinding(String detector, String category) {
  public DetectorBinding {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(category, "category");
  }
}

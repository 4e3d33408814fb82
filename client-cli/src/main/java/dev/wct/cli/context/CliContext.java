package dev.wct.cli.context;

import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.RulesetDescriptor;
import dev.wct.spi.RulesetProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * What the commands work with, injected so that tests can use their own components.
 *
 * @param catalog the connectors and analysers
 * @param rulesets the rulesets shipped, looked up when asked for
 */
public record CliContext(ComponentCatalog catalog, Supplier<List<RulesetDescriptor>> rulesets) {
  public CliContext {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(rulesets, "rulesets");
  }

  /** Everything on the class path, found with {@link ServiceLoader}. */
  public static CliContext discover() {
    return new CliContext(ComponentCatalog.discover(), CliContext::discoverRulesets);
  }

  private static List<RulesetDescriptor> discoverRulesets() {
    List<RulesetDescriptor> found = new ArrayList<>();
    ServiceLoader.load(RulesetProvider.class).forEach(p -> found.addAll(p.rulesets()));
    found.sort(Comparator.comparing(RulesetDescriptor::reference));
    return found;
  }
}

package dev.wct.spi;

import java.util.List;

/**
 * Lists the rulesets a module ships, for {@code wct rulesets}. Discovered with {@link
 * java.util.ServiceLoader}.
 */
public interface RulesetProvider {
  List<RulesetDescriptor> rulesets();
}

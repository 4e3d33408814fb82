package dev.wct.cli.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.wct.cli.context.CliContext;
import dev.wct.cli.options.JsonOption;
import dev.wct.spi.RulesetDescriptor;
import dev.wct.spi.json.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wct rulesets}: the rulesets shipped with wct, for runbook {@code ruleset} properties. */
@Command(
    name = "rulesets",
    mixinStandardHelpOptions = true,
    description =
        "List the rulesets shipped with wct: the reference to use in a runbook, rule count,"
            + " categories and the analysers that use them.",
    footerHeading = "%nExamples:%n",
    footer = {"  wct rulesets", "  wct rulesets --json"})
public final class RulesetsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  private final CliContext context;

  @Mixin private JsonOption json;

  RulesetsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    List<RulesetDescriptor> rulesets = context.rulesets().get();
    PrintWriter out = spec.commandLine().getOut();
    if (json.enabled()) {
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rulesets));
    } else if (rulesets.isEmpty()) {
      out.println("No rulesets installed.");
    } else {
      for (RulesetDescriptor ruleset : rulesets) {
        out.println(ruleset.reference() + ": " + ruleset.description());
        out.println(
            "    "
                + ruleset.ruleCount()
                + (ruleset.ruleCount() == 1 ? " rule" : " rules")
                + "; used by "
                + (ruleset.usedBy().isEmpty() ? "-" : String.join(", ", ruleset.usedBy())));
        out.println("    categories: " + String.join(", ", ruleset.categories()));
      }
    }
    out.flush();
    return 0;
  }
}

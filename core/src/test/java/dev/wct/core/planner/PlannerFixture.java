package dev.wct.core.planner;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.runbook.Problem;
import dev.wct.core.runbook.RunbookException;
import dev.wct.core.testing.Runbooks;
import dev.wct.core.testing.TestComponents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Plans runbook text written to a folder, with problems shown relative to that folder. */
final class PlannerFixture {
  private final Path dir;
  private final Planner planner = new Planner(TestComponents.catalog());

  PlannerFixture(Path dir) {
    this.dir = dir;
  }

  Path write(String name, String yaml) {
    return Runbooks.write(dir, name, yaml);
  }

  ExecutionPlan plan(String yaml) {
    return planner.plan(write("runbook.yaml", yaml));
  }

  ExecutionPlan planFile(String name) {
    return planner.plan(dir.resolve(name));
  }

  List<String> problems(String yaml) {
    return problemsOf("runbook.yaml", yaml);
  }

  List<String> problemsOf(String name, String yaml) {
    write(name, yaml);
    return problemsOfFile(name);
  }

  List<String> problemsOfFile(String name) {
    List<String> shown = new ArrayList<>();
    assertThatThrownBy(() -> planner.plan(dir.resolve(name)))
        .isInstanceOfSatisfying(
            RunbookException.class,
            e -> {
              for (Problem problem : e.problems()) {
                shown.add(problem.toString().replace(dir + "/", ""));
              }
            });
    return shown;
  }

  /** A runbook header followed by {@code artifacts}. */
  static String runbook(String artifacts) {
    return "name: test\ndescription: test\nartifacts:\n" + artifacts.stripTrailing() + "\n";
  }
}

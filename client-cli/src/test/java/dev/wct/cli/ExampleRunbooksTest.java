package dev.wct.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wct.core.spi.ComponentCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The example runbooks in runbooks/examples stay valid against the real components. */
class ExampleRunbooksTest {
  private static final Path EXAMPLES = Path.of("..", "runbooks", "examples");

  @Test
  void everyExampleRunbookValidates() throws IOException {
    CliContext real = CliContext.discover();
    ComponentCatalog catalog = real.catalog();
    assumeTrue(
        catalog.analysers().containsKey("personal_data")
            && catalog.connectors().containsKey("filesystem"),
        "the real connectors and analysers are not on the class path of this build");
    List<String> runbooks = new ArrayList<>();
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      files
          .filter(f -> f.toString().endsWith(".yaml"))
          .sorted()
          .forEach(f -> runbooks.add(f.toString()));
    }
    List<String> args = new ArrayList<>(List.of("validate"));
    args.addAll(runbooks);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        Wct.createCommandLine(new PrintWriter(out, true), new PrintWriter(err, true), real)
            .execute(args.toArray(String[]::new));

    assertThat(err.toString()).isEmpty();
    assertThat(exit).isZero();
    assertThat(out.toString().lines()).hasSize(runbooks.size()).allMatch(l -> l.contains(": OK ("));
  }
}

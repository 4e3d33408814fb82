package dev.wct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.cli.context.CliContext;
import dev.wct.spi.ComponentCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The example and sample runbooks stay valid against the real components. */
class ExampleRunbooksTest {
  private static final List<Path> FOLDERS =
      List.of(Path.of("..", "runbooks", "examples"), Path.of("..", "runbooks", "samples"));

  @Test
  void everyExampleAndSampleRunbookValidates() throws IOException {
    CliContext real = CliContext.discover();
    ComponentCatalog catalog = real.catalog();
    assertThat(catalog.connectors()).containsKeys("filesystem", "mysql", "postgresql", "sqlite");
    assertThat(catalog.analysers()).containsKeys("personal_data", "gdpr_personal_data_classifier");
    List<String> runbooks = new ArrayList<>();
    for (Path folder : FOLDERS) {
      try (Stream<Path> files = Files.list(folder)) {
        files
            .filter(f -> f.toString().endsWith(".yaml"))
            .sorted()
            .forEach(f -> runbooks.add(f.toString()));
      }
    }
    assertThat(runbooks).hasSizeGreaterThanOrEqualTo(6);
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

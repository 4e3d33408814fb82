package dev.wct.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.cli.history.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The confidence {@code personal_data} records as a level ({@code high}, {@code medium}, {@code
 * low}) reaches the HTML report and the CSV export, as a number from a classifier does.
 */
class ConfidenceReportingTest {
  private static final Pattern RUN_ID = Pattern.compile("^Run (\\d{8}-\\d{6}-[0-9a-f]{6}): ");

  @TempDir Path dir;

  @Test
  void theAnalysersConfidenceLevelIsShownInTheReportAndTheExport() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(
        data.resolve("customers.csv"),
        "email,notes\njane.doe@example.com,first\njohn.roe@example.org,second\n");
    Path runbook =
        Files.writeString(
            dir.resolve("runbook.yaml"),
            """
            name: "Customers"
            description: "Personal data in a CSV"
            artifacts:
              files:
                source:
                  type: filesystem
                  properties: {path: "%s"}
              personal_data:
                inputs: files
                process: {type: personal_data}
                output: true
            """
                .formatted(data));
    String store = dir.resolve(".wct").toString();

    Cli.Result run = Cli.run("run", runbook.toString(), "--store", store);
    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher m = RUN_ID.matcher(run.out().lines().findFirst().orElse(""));
    assertThat(m.find()).as(run.out()).isTrue();

    Cli.Result html = Cli.run("export", m.group(1), "--format", "html", "--store", store);
    assertThat(html.exitCode()).as(html.err()).isZero();
    assertThat(html.out()).contains("<td class=\"count\">high</td>");

    Cli.Result csv = Cli.run("export", m.group(1), "--format", "csv", "--store", store);
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertThat(csv.out().lines().filter(line -> line.contains(",email,")))
        .isNotEmpty()
        .allMatch(line -> line.contains(",high,"));
  }
}

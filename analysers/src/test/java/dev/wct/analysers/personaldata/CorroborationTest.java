package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ruleset 1.2.0: special categories, criminal data and national identifiers need a second signal;
 * employment, location, purchase history and session identifiers are categories of their own.
 */
class CorroborationTest {
  private static List<String> categories(String ruleset, ObjectNode... items) {
    ObjectNode properties = Json.mapper().createObjectNode();
    if (ruleset != null) {
      properties.put("ruleset", ruleset);
    }
    CollectingWriter out = new CollectingWriter("findings");
    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            properties,
            List.of(Inputs.standardInput(List.of(items))),
            out);
    List<String> categories = new java.util.ArrayList<>();
    out.items().forEach(finding -> categories.add(finding.path("category").asText()));
    return categories;
  }

  @Test
  void oneBareSpecialCategoryKeywordInTextIsNotReportedByTheDefaultRuleset() {
    ObjectNode readme =
        Inputs.file("README.md", "Run the medical imaging demo. Convictions aside, it works.");
    ObjectNode passport = Inputs.file("auth.js", "app.use(passport.initialize());");

    assertThat(categories(null, readme, passport)).isEmpty();
    // 1.1.0 keeps reporting them, at low confidence: a ruleset version pins its results.
    assertThat(categories("local/personal_data_indicator/1.1.0", readme, passport))
        .contains("health", "criminal", "government_id");
  }

  @Test
  void aSecondSignalInTheSamePlaceKeepsTheFinding() {
    assertThat(
            categories(
                null,
                Inputs.file("notes.txt", "Diagnosis: asthma; medication: inhaler twice a day."),
                Inputs.cell("patients", "diagnosis", "asthma")))
        .containsExactly("health", "health");
  }

  @Test
  void faithIsAGivenNameNotAReligiousBelief() {
    assertThat(categories(null, Inputs.file("team.txt", "Faith and Grace wrote the installer.")))
        .doesNotContain("religious");
  }

  @Test
  void employmentLocationPurchasesAndSessionIdentifiersAreCategories() {
    String csv =
        "job_title,hire_date,city,country,purchase_history,session_id\n"
            + "Nurse,2021-03-04,Leeds,UK,3 orders,a81f20c9\n";

    List<String> found = categories(null, Inputs.file("staff.csv", csv));

    assertThat(found)
        .contains("employment", "location", "purchase_history", "session_id")
        .doesNotContain("health");
  }
}

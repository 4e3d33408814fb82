package dev.wct.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.cli.report.inventory.Location;
import dev.wct.cli.report.inventory.Text;
import dev.wct.spi.json.Json;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  @Test
  void lawfulBasesReadAsBasisWithItsArticle() throws Exception {
    JsonNode bases =
        json(
            "[{\"basis\":\"consent\",\"article\":\"Art. 6(1)(a)\"},"
                + "{\"basis\":\"contract\",\"article\":\"Art. 6(1)(b)\"}]");

    assertThat(Text.plain(bases)).isEqualTo("consent (Art. 6(1)(a)), contract (Art. 6(1)(b))");
  }

  @Test
  void dpiaReadsAsRecommendationWithItsCriteria() throws Exception {
    JsonNode dpia =
        json("{\"recommendation\":\"required\",\"criteria\":[\"profiling\",\"large_scale\"]}");

    assertThat(Text.plain(dpia)).isEqualTo("required (Criteria: profiling, large_scale)");
  }

  @Test
  void fieldNamesReadAsWordsWithAcronymsInCapitals() {
    assertThat(Text.humanise("gdpr_subject_category")).isEqualTo("GDPR subject category");
    assertThat(Text.humanise("dpia")).isEqualTo("DPIA");
    assertThat(Text.humanise("confidence_score")).isEqualTo("Confidence score");
  }

  @Test
  void locationsReadAsFileAndLineOrSchemaTableAndColumn() throws Exception {
    assertThat(Location.of(json("{\"file_path\":\"app/a.php\",\"line\":12}")).display())
        .isEqualTo("app/a.php:12");
    assertThat(
            Location.of(json("{\"schema\":\"crm\",\"table\":\"customers\",\"column\":\"email\"}"))
                .display())
        .isEqualTo("crm.customers.email");
    Location column =
        Location.of(
            json(
                "{\"source\":\"db\",\"system\":\"postgresql://h:5432/crm\",\"schema\":\"public\","
                    + "\"table\":\"customers\",\"column\":\"email\"}"));
    assertThat(column.display()).isEqualTo("public.customers.email");
    assertThat(column.systemName()).isEqualTo("postgresql://h:5432/crm");
    assertThat(
            Location.of(
                    json(
                        "{\"root\":\"/srv\",\"file_path\":\"export.csv\",\"line\":1,\"column\":\"iban\"}"))
                .display())
        .isEqualTo("export.csv:1 [iban]");
  }

  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }
}

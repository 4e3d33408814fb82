package dev.wct.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.json.Json;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  @Test
  void lawfulBasesReadAsBasisWithItsArticle() throws Exception {
    JsonNode bases =
        json(
            "[{\"basis\":\"consent\",\"article\":\"Art. 6(1)(a)\"},"
                + "{\"basis\":\"contract\",\"article\":\"Art. 6(1)(b)\"}]");

    assertThat(HtmlReport.plain(bases))
        .isEqualTo("consent (Art. 6(1)(a)), contract (Art. 6(1)(b))");
  }

  @Test
  void dpiaReadsAsRecommendationWithItsCriteria() throws Exception {
    JsonNode dpia =
        json("{\"recommendation\":\"required\",\"criteria\":[\"profiling\",\"large_scale\"]}");

    assertThat(HtmlReport.plain(dpia)).isEqualTo("required (Criteria: profiling, large_scale)");
  }

  @Test
  void fieldNamesReadAsWordsWithAcronymsInCapitals() {
    assertThat(HtmlReport.humanise("gdpr_subject_category")).isEqualTo("GDPR subject category");
    assertThat(HtmlReport.humanise("dpia")).isEqualTo("DPIA");
    assertThat(HtmlReport.humanise("confidence_score")).isEqualTo("Confidence score");
  }

  @Test
  void locationsReadAsFileAndLineOrSchemaTableAndColumn() throws Exception {
    assertThat(HtmlReport.location(json("{\"file_path\":\"app/a.php\",\"line\":12}")))
        .isEqualTo("app/a.php:12");
    assertThat(
            HtmlReport.location(
                json("{\"schema\":\"crm\",\"table\":\"customers\",\"column\":\"email\"}")))
        .isEqualTo("crm.customers.email");
    assertThat(
            HtmlReport.location(
                json(
                    "{\"source\":\"db\",\"system\":\"postgresql://h:5432/crm\",\"schema\":\"public\","
                        + "\"table\":\"customers\",\"column\":\"email\"}")))
        .isEqualTo("public.customers.email (postgresql://h:5432/crm)");
    assertThat(
            HtmlReport.location(
                json(
                    "{\"root\":\"/srv\",\"file_path\":\"export.csv\",\"line\":1,\"column\":\"iban\"}")))
        .isEqualTo("export.csv:1 [iban]");
  }

  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }
}

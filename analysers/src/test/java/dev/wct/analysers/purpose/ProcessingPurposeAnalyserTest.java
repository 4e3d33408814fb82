package dev.wct.analysers.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.SchemaRef;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.messages.MessageSchemas;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessingPurposeAnalyserTest {
  private static CollectingWriter analyse(List<ObjectNode> items) {
    CollectingWriter out = new CollectingWriter("findings");
    new ProcessingPurposeAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            Json.mapper().createObjectNode(),
            List.of(Inputs.standardInput(items)),
            out);
    return out;
  }

  @Test
  void wellKnownSdksAndEndpointsNameTheirPurposeAndService() {
    CollectingWriter out =
        analyse(
            List.of(
                Inputs.file(
                    "web/index.html",
                    "<script src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script>\n"
                        + "<script>gtag('config', 'G-1');</script>"),
                Inputs.file("web/pay.js", "const stripe = Stripe('pk_live'); paypal.Buttons();"),
                Inputs.file(
                    "ml/chat.py", "client = OpenAI()\nclient.chat.completions.create(model='x')"),
                Inputs.file(
                    "support/widget.js", "window.intercomSettings = {}; Intercom('boot');")));

    JsonNode analytics = out.item("purpose", "analytics");
    assertThat(analytics.path("services").toString()).contains("google_analytics");
    JsonNode payments = out.item("purpose", "payments");
    assertThat(payments.path("services").toString()).contains("stripe", "paypal");
    assertThat(out.item("purpose", "ai_ml").path("services").toString()).contains("ai_provider");
    assertThat(out.item("purpose", "customer_support")).isNotNull();
    assertThat(
            MessageSchemas.builtIn()
                .validate(new SchemaRef("processing_purpose_indicator", "2.0.0"), out.content()))
        .isEmpty();
  }

  @Test
  void plainTextWithoutPurposesYieldsNoFindings() {
    assertThat(
            analyse(List.of(Inputs.file("README.md", "Compile with make and run the tests.")))
                .items())
        .isEmpty();
  }
}

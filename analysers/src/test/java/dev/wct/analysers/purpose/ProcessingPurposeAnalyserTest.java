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
    return analyse(items, null);
  }

  private static CollectingWriter analyse(List<ObjectNode> items, String ruleset) {
    CollectingWriter out = new CollectingWriter("findings");
    ObjectNode properties = Json.mapper().createObjectNode();
    if (ruleset != null) {
      properties.put("ruleset", ruleset);
    }
    new ProcessingPurposeAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            properties,
            List.of(Inputs.standardInput(items)),
            out);
    return out;
  }

  /** The finding of {@code purpose} in {@code file}, or null. */
  private static JsonNode finding(CollectingWriter out, String file, String purpose) {
    for (JsonNode finding : out.items()) {
      if (finding.path("location").path("file_path").asText().equals(file)
          && finding.path("purpose").asText().equals(purpose)) {
        return finding;
      }
    }
    return null;
  }

  /** The kinds of the finding's detectors, e.g. {@code [service, code]}. */
  private static List<String> kinds(JsonNode finding) {
    List<String> kinds = new java.util.ArrayList<>();
    finding.path("detectors").forEach(d -> kinds.add(d.path("kind").asText()));
    return kinds;
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
    // A script's URL and a call are the service itself: high, on service signals.
    assertThat(analytics.path("confidence").asText()).isEqualTo("high");
    assertThat(kinds(analytics)).containsOnly("service");
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

  @Test
  void uiWordsCommentsTemplatesAndTranslationsRaiseNoPurpose() {
    CollectingWriter out =
        analyse(
            List.of(
                Inputs.file(
                    "admin/settings.php",
                    "<?php\n"
                        + "// Sends nothing to Stripe: this page only links to its docs.\n"
                        + "echo esc_html__( 'Payments', 'my-plugin' );\n"
                        + "$label = __( 'Newsletter', 'my-plugin' );\n"
                        + "echo '<h2>Customer support and analytics</h2>';\n"
                        + "?>\n"
                        + "<p>Contact our help desk for your newsletter and payment questions.</p>\n"),
                Inputs.file(
                    "templates/contact.html",
                    "<form><label>Subscribe to our newsletter</label>"
                        + "<button>Pay with PayPal</button></form>"),
                Inputs.file(
                    "languages/plugin-de_DE.po",
                    "msgid \"Payment\"\nmsgstr \"Zahlung\"\nmsgid \"Newsletter\"\n"),
                Inputs.file("README.md", "Integrates with Stripe, Mailchimp and Google Analytics."),
                Inputs.file(
                    "src/app.js",
                    "/* analytics and tracking are off by default */\n"
                        + "showMessage('Thank you for your payment');\n")));

    assertThat(out.items()).isEmpty();
    assertThat(out.content().path("summary").path("total_findings").asInt()).isZero();
  }

  @Test
  void sdkCallsEndpointsAndFieldFlowsRaisePurposes() {
    CollectingWriter out =
        analyse(
            List.of(
                Inputs.file(
                    "modules/billing/api.php",
                    "<?php\n"
                        + "$endpoint = 'https://api.stripe.com/v1/payment_intents';\n"
                        + "$response = wp_remote_post( $endpoint, $request );\n"),
                Inputs.file(
                    "src/newsletter.py",
                    "def subscribe_to_newsletter(form):\n"
                        + "    email = form['email']\n"
                        + "    lists.add(email)\n"),
                Inputs.file(
                    "src/track.ts",
                    "import mixpanel from 'mixpanel-browser';\nmixpanel.init(token);\n"),
                Inputs.file(
                    "src/routes.js",
                    "router.post('/checkout', handler);\nfunction refund(order) {}\n")));

    JsonNode stripe = finding(out, "modules/billing/api.php", "payments");
    assertThat(stripe).isNotNull();
    assertThat(stripe.path("confidence").asText()).isEqualTo("high");
    assertThat(kinds(stripe)).contains("service");
    assertThat(stripe.path("services").toString()).contains("stripe");

    JsonNode newsletter = finding(out, "src/newsletter.py", "marketing_email");
    assertThat(newsletter).isNotNull();
    // data_flow: the function is two lines from the e-mail field; keyword: the file's path.
    assertThat(kinds(newsletter)).containsExactlyInAnyOrder("data_flow", "keyword");
    assertThat(newsletter.path("confidence").asText()).isEqualTo("high");

    JsonNode mixpanel = finding(out, "src/track.ts", "analytics");
    assertThat(kinds(mixpanel)).containsOnly("service");

    JsonNode routes = finding(out, "src/routes.js", "payments");
    assertThat(kinds(routes)).containsOnly("code");
    assertThat(routes.path("confidence").asText()).isEqualTo("medium");
    assertThat(
            MessageSchemas.builtIn()
                .validate(new SchemaRef("processing_purpose_indicator", "2.0.0"), out.content()))
        .isEmpty();
  }

  @Test
  void aWordForPeopleCountsAsTextBesideCodeEvidenceInTheSameFile() {
    CollectingWriter out =
        analyse(
            List.of(
                Inputs.file(
                    "pay.js",
                    "// payment form\nconst label = 'Pay now';\nstripe.confirmPayment(options);\n")));

    JsonNode payments = finding(out, "pay.js", "payments");
    assertThat(kinds(payments)).containsExactlyInAnyOrder("keyword", "service", "code");
  }

  @Test
  void aContactFormIsNoCustomerSupportButItWasInRuleset100() {
    List<ObjectNode> items =
        List.of(
            Inputs.file(
                "includes/contact-form.php",
                "<?php\nclass WPCF7_ContactForm {\n"
                    + "  public function contact_form_title() { return __( 'Contact form', 'x' ); }\n"
                    + "}\n"));

    assertThat(analyse(items).items()).isEmpty();
    // The version pinned in a runbook keeps its results: 1.0.0 reads every word as before.
    CollectingWriter old = analyse(items, "local/processing_purpose_indicator/1.0.0");
    JsonNode support = finding(old, "includes/contact-form.php", "customer_support");
    assertThat(support).isNotNull();
    assertThat(kinds(support)).containsOnly("keyword");
  }
}

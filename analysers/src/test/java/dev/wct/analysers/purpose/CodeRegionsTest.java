package dev.wct.analysers.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.analysers.purpose.CodeRegions.Region;
import org.junit.jupiter.api.Test;

class CodeRegionsTest {
  private static Region at(String path, String text, String word) {
    return CodeRegions.of(path, text).at(text.indexOf(word));
  }

  @Test
  void phpOutsideItsTagsIsMarkupAndItsTranslationCallsAreText() {
    String php =
        "<h1>Payment page</h1>\n<?php\n// charge the card\n"
            + "$x = __( 'Checkout' );\n$url = 'https://api.stripe.com/v1/charges';\n"
            + "charge_card( $email ); # refund later\n?>\n<p>Refund policy</p>";
    assertThat(at("a.php", php, "Payment")).isEqualTo(Region.PROSE);
    assertThat(at("a.php", php, "charge the")).isEqualTo(Region.COMMENT);
    assertThat(at("a.php", php, "Checkout")).isEqualTo(Region.TEXT);
    assertThat(at("a.php", php, "stripe")).isEqualTo(Region.SYMBOL);
    assertThat(at("a.php", php, "charge_card")).isEqualTo(Region.CODE);
    assertThat(at("a.php", php, "refund later")).isEqualTo(Region.COMMENT);
    assertThat(at("a.php", php, "Refund policy")).isEqualTo(Region.PROSE);
  }

  @Test
  void htmlAttributesAreStringsAndScriptsAreCode() {
    String html =
        "<script src=\"https://www.googletagmanager.com/gtag/js\"></script>\n"
            + "<p>Analytics text</p><script>gtag('config', 'G-1');</script><!-- tracking -->";
    assertThat(at("i.html", html, "googletagmanager")).isEqualTo(Region.SYMBOL);
    assertThat(at("i.html", html, "Analytics")).isEqualTo(Region.PROSE);
    assertThat(at("i.html", html, "gtag(")).isEqualTo(Region.CODE);
    assertThat(at("i.html", html, "tracking")).isEqualTo(Region.PROSE);
  }

  @Test
  void stringsWithSpacesAreTextWithoutAreSymbols() {
    String js = "const a = \"Pay with card\"; import x from '@stripe/stripe-js'; `tpl ${a}`;";
    assertThat(at("a.js", js, "Pay with")).isEqualTo(Region.TEXT);
    assertThat(at("a.js", js, "@stripe")).isEqualTo(Region.SYMBOL);
    assertThat(at("a.js", js, "import")).isEqualTo(Region.CODE);
    assertThat(at("a.js", js, "tpl")).isEqualTo(Region.TEXT);
  }

  @Test
  void pythonTripleQuotesAndHashComments() {
    String py = "\"\"\"Send the newsletter.\"\"\"\n# analytics\ndef send_newsletter(): pass\n";
    assertThat(at("a.py", py, "Send the")).isEqualTo(Region.TEXT);
    assertThat(at("a.py", py, "analytics")).isEqualTo(Region.COMMENT);
    assertThat(at("a.py", py, "send_newsletter")).isEqualTo(Region.CODE);
  }

  @Test
  void documentsStylesTranslationsAndLockFilesAreProse() {
    assertThat(at("README.md", "call stripe.charge()", "stripe")).isEqualTo(Region.PROSE);
    assertThat(at("style.css", ".payment-form {}", "payment")).isEqualTo(Region.PROSE);
    assertThat(at("de.po", "msgid \"Payment\"", "Payment")).isEqualTo(Region.PROSE);
    assertThat(at("package-lock.json", "{\"stripe\": {}}", "stripe")).isEqualTo(Region.PROSE);
    assertThat(at("package.json", "{\"stripe\": \"^1\"}", "stripe")).isEqualTo(Region.SYMBOL);
  }
}

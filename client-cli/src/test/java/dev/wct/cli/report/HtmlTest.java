package dev.wct.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesEveryCharacterThatCanOpenMarkupOrLeaveAnAttribute() {
    assertThat(Html.escape("<a href=\"x\" onclick='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#x27;y&#x27;&gt;&amp;&lt;&#x2F;a&gt;");
  }

  @Test
  void leavesPlainTextAndUnicodeAlone() {
    assertThat(Html.escape("Müller, j***@example.com")).isEqualTo("Müller, j***@example.com");
  }

  @Test
  void replacesControlCharactersAndTreatsNullAsEmpty() {
    assertThat(Html.escape("a\u0000b")).isEqualTo("a&#xFFFD;b");
    assertThat(Html.escape(null)).isEmpty();
  }
}

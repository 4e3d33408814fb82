package dev.wct.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellWordsTest {
  @Test
  void quotesOnlyWordsAShellWouldSplitOrExpand() {
    assertThat(ShellWords.quote("/data/wct-store")).isEqualTo("/data/wct-store");
    assertThat(ShellWords.quote("s3://bucket/prefix")).isEqualTo("s3://bucket/prefix");
    assertThat(ShellWords.quote("/my store")).isEqualTo("'/my store'");
    assertThat(ShellWords.quote("it's $HOME")).isEqualTo("'it'\\''s $HOME'");
  }
}

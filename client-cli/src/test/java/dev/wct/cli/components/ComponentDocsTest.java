package dev.wct.cli.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.spi.ComponentCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/components.md is generated from the shipped components; this test fails when it is stale.
 * Regenerate: {@code ./mvnw -B -q verify -pl client-cli -am -Dtest=ComponentDocsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dwct.docs.update=true}.
 */
class ComponentDocsTest {
  private static final Path DOCS = Path.of("..", "docs", "components.md");

  @Test
  void docsComponentsMdIsUpToDate() throws Exception {
    String generated = ComponentDocs.markdown(ComponentCatalog.discover());
    if (Boolean.getBoolean("wct.docs.update")) {
      Files.writeString(DOCS, generated, StandardCharsets.UTF_8);
    }

    assertThat(Files.exists(DOCS))
        .as("%s is missing: run this test with -Dwct.docs.update=true", DOCS)
        .isTrue();
    assertThat(Files.readString(DOCS, StandardCharsets.UTF_8))
        .as("%s is stale: run this test with -Dwct.docs.update=true", DOCS)
        .isEqualTo(generated);
  }

  @Test
  void flowYamlQuotesOnlyWhatYamlWouldMisread() throws Exception {
    var node =
        dev.wct.spi.json.Json.mapper()
            .readTree(
                "{\"path\":\"./webapp\",\"n\":3,\"v\":\"${X}\",\"b\":\"true\",\"l\":[\"*.php\",\"a b\"]}");

    assertThat(ComponentDocs.flowYaml(node))
        .isEqualTo("{path: ./webapp, n: 3, v: '${X}', b: 'true', l: ['*.php', 'a b']}");
  }
}

package dev.wct.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class S3StoreConfigTest {
  @Test
  void s3UriGivesBucketAndNormalisedPrefix() {
    assertThat(S3StoreConfig.parse("s3://scans/team-a/wct"))
        .extracting(S3StoreConfig::bucket, S3StoreConfig::prefix)
        .containsExactly("scans", "team-a/wct/");
    assertThat(S3StoreConfig.parse("s3://scans").prefix()).isEmpty();
    assertThat(S3StoreConfig.parse("s3://scans/").prefix()).isEmpty();
  }

  @Test
  void unsetRegionAndPrefixMeanTheDefaults() {
    S3StoreConfig config = new S3StoreConfig(null, null, "scans", null, null, null);

    assertThat(config.region()).isEqualTo("us-east-1");
    assertThat(config.prefix()).isEmpty();
  }

  @Test
  void prefixThatClimbsOutIsRejected() {
    assertThatThrownBy(() -> S3StoreConfig.of("scans", "a/../b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid key prefix 'a/../b'");
  }

  @Test
  void notAnS3UriIsRejected() {
    assertThatThrownBy(() -> S3StoreConfig.parse("/tmp/store"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s3://bucket[/prefix]");
  }

  @Test
  void accessKeyWithoutSecretIsRejected() {
    assertThatThrownBy(() -> S3StoreConfig.of("scans", "").withCredentials("AKIA", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void printedConfigNeverShowsTheSecret() {
    S3StoreConfig config =
        S3StoreConfig.of("scans", "wct")
            .withEndpoint(URI.create("http://minio:9000"))
            .withCredentials("AKIAEXAMPLE", "s3cr3t-value");

    assertThat(config.toString())
        .contains("s3://scans/wct/", "http://minio:9000", "AKIAEXAMPLE")
        .doesNotContain("s3cr3t-value");
  }
}

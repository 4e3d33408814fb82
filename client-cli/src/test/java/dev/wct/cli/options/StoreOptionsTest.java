package dev.wct.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.store.s3.S3Encryption;
import dev.wct.store.s3.S3StoreConfig;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code --store}: a folder or an S3 bucket, with the S3 endpoint and region options. */
class StoreOptionsTest {
  @Command(name = "test")
  static final class Holder {
    @Mixin StoreOptions store;
  }

  private static StoreOptions parse(String... args) {
    Holder holder = new Holder();
    new CommandLine(holder).parseArgs(args);
    return holder.store;
  }

  @Test
  void folderIsAStoreDirectoryAndNoS3() {
    StoreOptions store = parse("--store", "/data/wct");

    assertThat(store.directory()).contains(Path.of("/data/wct"));
    assertThat(store.s3()).isEmpty();
    assertThat(store.displayName()).isEqualTo("/data/wct");
  }

  @Test
  void s3UriNamesBucketAndPrefixWithEndpointAndRegion() {
    StoreOptions store =
        parse(
            "--store",
            "s3://wct-artifacts/team-a/scans",
            "--s3-endpoint",
            "http://localhost:9000",
            "--s3-region",
            "eu-west-2");

    assertThat(store.directory()).isEmpty();
    S3StoreConfig config = store.s3().orElseThrow();
    assertThat(config.bucket()).isEqualTo("wct-artifacts");
    assertThat(config.prefix()).isEqualTo("team-a/scans/");
    assertThat(config.endpoint()).isEqualTo(URI.create("http://localhost:9000"));
    assertThat(config.region()).isEqualTo("eu-west-2");
    assertThat(config.accessKeyId()).as("credentials come from the default AWS chain").isNull();
    assertThat(store.displayName()).isEqualTo("s3://wct-artifacts/team-a/scans");
  }

  @Test
  void s3WithoutEndpointIsAwsInTheDefaultRegion() {
    // Unless the environment of the build sets the worker's fallbacks.
    assumeTrue(
        System.getenv("WCT_STORE_S3_ENDPOINT") == null
            && System.getenv("WCT_STORE_S3_REGION") == null);

    S3StoreConfig config = parse("--store", "s3://wct-artifacts").s3().orElseThrow();

    assertThat(config.endpoint()).isNull();
    assertThat(config.region()).isEqualTo("us-east-1");
    assertThat(config.prefix()).isEmpty();
  }

  @Test
  void endpointThatIsNotAnHttpUrlIsAUserErrorNamingTheOption() {
    StoreOptions store = parse("--store", "s3://b", "--s3-endpoint", "localhost:9000");

    assertThatThrownBy(store::s3)
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessage("--s3-endpoint: expected an http:// or https:// URL, got 'localhost:9000'");
  }

  @Test
  void s3UriWithoutBucketIsAUserErrorNamingTheOption() {
    StoreOptions store = parse("--store", "s3://");

    assertThatThrownBy(store::s3)
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessageStartingWith("--store: invalid bucket name");
  }

  @Test
  void s3EncryptionOptionsReachTheStoreConfig() {
    S3StoreConfig sseS3 = parse("--store", "s3://b", "--s3-sse", "aes256").s3().orElseThrow();
    S3StoreConfig sseKms =
        parse("--store", "s3://b", "--s3-sse", "KMS", "--s3-kms-key-id", "alias/wct")
            .s3()
            .orElseThrow();

    assertThat(sseS3.encryption()).isEqualTo(S3Encryption.AES256);
    assertThat(sseS3.kmsKeyId()).isNull();
    assertThat(sseKms.encryption()).isEqualTo(S3Encryption.KMS);
    assertThat(sseKms.kmsKeyId()).isEqualTo("alias/wct");
  }

  @Test
  void withoutEncryptionOptionsNoneIsRequested() {
    assumeTrue(
        System.getenv("WCT_STORE_S3_SSE") == null
            && System.getenv("WCT_STORE_S3_KMS_KEY_ID") == null);

    assertThat(parse("--store", "s3://b").s3().orElseThrow().encryption())
        .isEqualTo(S3Encryption.NONE);
  }

  @Test
  void badEncryptionOptionsAreUserErrorsNamingTheOption() {
    assertThatThrownBy(parse("--store", "s3://b", "--s3-sse", "rot13")::s3)
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessage("--s3-sse: expected aes256, kms or none, got 'rot13'");
    assertThatThrownBy(parse("--store", "s3://b", "--s3-sse", "aes256", "--s3-kms-key-id", "k")::s3)
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessage("--s3-kms-key-id: a KMS key id needs --s3-sse kms");
  }
}

package dev.wct.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.wct.cli.history.Cli;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.ArtifactStores;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
  void folderOpensAFolderStoreThere(@TempDir Path dir) {
    StoreOptions store = parse("--store", dir.toString());

    try (ArtifactStore opened = store.open()) {
      assertThat(opened.recordLocation("r-1", "run.json"))
          .isEqualTo(dir.resolve("runs/r-1/_system/run.json").toString());
    }
    assertThat(store.displayName()).isEqualTo(dir.toString());
  }

  @Test
  void s3UriKeepsTheLocationAndPassesEndpointAndRegionAsSettings() {
    StoreOptions store =
        parse(
            "--store",
            "s3://wct-artifacts/team-a/scans",
            "--s3-endpoint",
            "http://localhost:9000",
            "--s3-region",
            "eu-west-2");

    assertThat(store.location()).isEqualTo("s3://wct-artifacts/team-a/scans");
    assertThat(store.settings())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                ArtifactStores.S3_ENDPOINT, "http://localhost:9000",
                ArtifactStores.S3_REGION, "eu-west-2"));
    assertThat(store.displayName()).isEqualTo("s3://wct-artifacts/team-a/scans");
  }

  @Test
  void withoutEndpointOrRegionTheStoreKeepsItsOwnDefaults() {
    // Unless the environment of the build sets the worker's fallbacks.
    assumeThat(System.getenv("WCT_STORE_S3_ENDPOINT")).isNull();
    assumeThat(System.getenv("WCT_STORE_S3_REGION")).isNull();

    assertThat(parse("--store", "s3://wct-artifacts").settings()).isEmpty();
  }

  @Test
  void endpointThatIsNotAnHttpUrlIsRefusedWhenParsedNamingTheOption() {
    Cli.Result result = Cli.run("runs", "--store", "s3://b", "--s3-endpoint", "localhost:9000");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo("wct: --s3-endpoint: expected an http:// or https:// URL, got 'localhost:9000'");
  }

  @Test
  void s3UriWithoutBucketIsAUserErrorNamingTheOption() {
    StoreOptions store = parse("--store", "s3://");

    assertThatThrownBy(store::open)
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessageStartingWith("--store: invalid bucket name");
  }

  @Test
  void unknownSchemeIsRefusedWhenParsedNamingTheKnownOnes() {
    Cli.Result result = Cli.run("runs", "--store", "gs://bucket");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo(
            "wct: --store: unknown store scheme 'gs' in 'gs://bucket': known schemes are file, s3"
                + " (file is a folder path)");
  }

  @Test
  void s3EncryptionOptionsBecomeStoreSettings() {
    assertThat(parse("--store", "s3://b", "--s3-sse", "aes256").settings())
        .containsEntry(ArtifactStores.S3_SSE, "aes256")
        .doesNotContainKey(ArtifactStores.S3_KMS_KEY_ID);
    assertThat(
            parse("--store", "s3://b", "--s3-sse", "KMS", "--s3-kms-key-id", "alias/wct")
                .settings())
        .containsEntry(ArtifactStores.S3_SSE, "KMS")
        .containsEntry(ArtifactStores.S3_KMS_KEY_ID, "alias/wct");
  }

  @Test
  void badEncryptionOptionsAreUserErrorsNamingTheOption() {
    assertThatThrownBy(parse("--store", "s3://b", "--s3-sse", "rot13")::open)
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessage("--s3-sse: expected aes256, kms or none, got 'rot13'");
    assertThatThrownBy(
            parse("--store", "s3://b", "--s3-sse", "aes256", "--s3-kms-key-id", "k")::open)
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessage("--s3-kms-key-id: a KMS key id needs server-side encryption kms");
  }
}

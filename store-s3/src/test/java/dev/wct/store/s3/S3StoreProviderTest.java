package dev.wct.store.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.store.ArtifactStore;
import dev.wct.store.ArtifactStores;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code s3://bucket/prefix} opens an S3 store through {@link ArtifactStores}. */
class S3StoreProviderTest {
  private static EmbeddedS3 s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = EmbeddedS3.start();
    // The provider takes credentials from the default AWS chain, whose first link is these.
    System.setProperty("aws.accessKeyId", EmbeddedS3.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", EmbeddedS3.SECRET_KEY);
  }

  @AfterAll
  static void stop() throws Exception {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    s3.close();
  }

  @Test
  void anS3LocationWithEndpointAndRegionOpensTheBucketUnderItsPrefix() {
    String bucket = s3.newBucket();
    Map<String, String> settings =
        Map.of(
            ArtifactStores.S3_ENDPOINT,
            s3.endpoint().toString(),
            ArtifactStores.S3_REGION,
            "eu-west-2");

    try (ArtifactStore store = ArtifactStores.open("s3://" + bucket + "/team-a", settings)) {
      assertThat(store).isInstanceOf(S3ArtifactStore.class);
      store.saveRecord("r-1", "run.json", "{}".getBytes(UTF_8));
      assertThat(store.recordLocation("r-1", "run.json"))
          .isEqualTo("s3://" + bucket + "/team-a/runs/r-1/_system/run.json");
    }

    assertThat(
            s3.admin()
                .getObjectAsBytes(b -> b.bucket(bucket).key("team-a/runs/r-1/_system/run.json"))
                .asUtf8String())
        .isEqualTo("{}");
  }

  @Test
  void anEndpointThatIsNotAnHttpUrlIsRefusedNamingTheSetting() {
    assertThatThrownBy(
            () ->
                ArtifactStores.open(
                    "s3://bucket", Map.of(ArtifactStores.S3_ENDPOINT, "localhost:9000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("s3.endpoint: expected an http:// or https:// URL, got 'localhost:9000'");
  }

  @Test
  void bothProvidersAreFoundSoAnUnknownSchemeNamesThem() {
    assertThatThrownBy(() -> ArtifactStores.open("gs://bucket"))
        .hasMessage(
            "unknown store scheme 'gs' in 'gs://bucket': known schemes are file, s3"
                + " (file is a folder path)");
  }
}

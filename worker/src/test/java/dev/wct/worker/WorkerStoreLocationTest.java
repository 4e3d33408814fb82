package dev.wct.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.store.ArtifactStores;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker's store settings become one location for {@link ArtifactStores#open}. */
class WorkerStoreLocationTest {
  @Test
  void withoutABucketTheStoreIsTheFolder() {
    WorkerProperties.Store store =
        new WorkerProperties.Store(
            ".wct", new WorkerProperties.S3("", "", "http://x:9000", "eu", "kms", "k"));

    assertThat(store.location()).isEqualTo(".wct");
    assertThat(store.settings()).isEmpty();
  }

  @Test
  void aBucketIsAnS3LocationWithItsPrefixEndpointAndRegion() {
    WorkerProperties.Store store =
        new WorkerProperties.Store(
            ".wct",
            new WorkerProperties.S3(
                "wct-artifacts", "team-a", "http://minio:9000", "eu", null, null));

    assertThat(store.location()).isEqualTo("s3://wct-artifacts/team-a");
    assertThat(store.settings())
        .isEqualTo(
            Map.of(
                ArtifactStores.S3_ENDPOINT, "http://minio:9000", ArtifactStores.S3_REGION, "eu"));
  }

  @Test
  void anEmptyRegionIsLeftToTheStoreDefault() {
    WorkerProperties.Store store =
        new WorkerProperties.Store(".wct", new WorkerProperties.S3("b", null, "", "", "", ""));

    assertThat(store.location()).isEqualTo("s3://b");
    assertThat(store.settings()).isEmpty();
  }

  @Test
  void encryptionSettingsReachTheStore() {
    WorkerProperties.Store store =
        new WorkerProperties.Store(
            ".wct", new WorkerProperties.S3("b", null, "", "", "kms", "alias/wct"));

    assertThat(store.settings())
        .isEqualTo(Map.of(ArtifactStores.S3_SSE, "kms", ArtifactStores.S3_KMS_KEY_ID, "alias/wct"));
  }
}

package dev.wct.store.s3;

import dev.wct.store.ArtifactStore;
import dev.wct.testkit.store.ArtifactStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class S3ArtifactStoreContractTest extends ArtifactStoreContract {
  private static EmbeddedS3 s3;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = EmbeddedS3.start();
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.close();
  }

  @Override
  protected ArtifactStore newStore() {
    return S3ArtifactStore.open(s3.config(s3.newBucket(), "wct"));
  }
}

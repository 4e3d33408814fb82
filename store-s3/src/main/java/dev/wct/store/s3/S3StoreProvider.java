package dev.wct.store.s3;

import dev.wct.store.ArtifactStore;
import dev.wct.store.ArtifactStoreProvider;
import dev.wct.store.ArtifactStores;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Opens {@code s3://bucket[/prefix]} with the {@link ArtifactStores#S3_ENDPOINT} and {@link
 * ArtifactStores#S3_REGION} settings; credentials come from the default AWS chain.
 */
public final class S3StoreProvider implements ArtifactStoreProvider {
  @Override
  public String scheme() {
    return "s3";
  }

  @Override
  public ArtifactStore open(String location, Map<String, String> settings) {
    S3StoreConfig config =
        S3StoreConfig.parse(location).withRegion(settings.get(ArtifactStores.S3_REGION));
    String endpoint = settings.get(ArtifactStores.S3_ENDPOINT);
    if (endpoint != null && !endpoint.isBlank()) {
      config = config.withEndpoint(endpoint(endpoint));
    }
    return S3ArtifactStore.open(withEncryption(config, settings));
  }

  private static S3StoreConfig withEncryption(S3StoreConfig config, Map<String, String> settings) {
    String sse = settings.get(ArtifactStores.S3_SSE);
    String kmsKeyId = settings.get(ArtifactStores.S3_KMS_KEY_ID);
    boolean keyGiven = kmsKeyId != null && !kmsKeyId.isBlank();
    S3Encryption encryption;
    try {
      encryption = sse == null || sse.isBlank() ? S3Encryption.NONE : S3Encryption.parse(sse);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ArtifactStores.S3_SSE + ": " + e.getMessage());
    }
    if (keyGiven && encryption != S3Encryption.KMS) {
      throw new IllegalArgumentException(
          ArtifactStores.S3_KMS_KEY_ID + ": a KMS key id needs server-side encryption kms");
    }
    return config.withEncryption(encryption, keyGiven ? kmsKeyId : null);
  }

  private static URI endpoint(String given) {
    try {
      URI uri = new URI(given);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, in the same words as any other malformed endpoint
    }
    throw new IllegalArgumentException(
        ArtifactStores.S3_ENDPOINT + ": expected an http:// or https:// URL, got '" + given + "'");
  }
}

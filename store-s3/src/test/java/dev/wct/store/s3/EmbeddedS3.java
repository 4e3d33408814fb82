package dev.wct.store.s3;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An in-memory S3Proxy on a free loopback port, started once per test class; shared with other
 * modules' tests through this module's test jar.
 */
public final class EmbeddedS3 implements AutoCloseable {
  public static final String ACCESS_KEY = "wct-test-access";
  public static final String SECRET_KEY = "wct-test-secret-do-not-print";

  private static final AtomicInteger BUCKETS = new AtomicInteger();

  private final S3Proxy proxy;
  private final URI endpoint;
  private final S3Client admin;

  private EmbeddedS3(S3Proxy proxy) {
    this.proxy = proxy;
    this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    this.admin =
        S3Client.builder()
            .endpointOverride(endpoint)
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .build();
  }

  public static EmbeddedS3 start() throws Exception {
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new TransientNio2BlobStore())
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .ignoreUnknownHeaders(true)
            .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(10);
    }
    return new EmbeddedS3(proxy);
  }

  public URI endpoint() {
    return endpoint;
  }

  /** A client with full rights, for setting up and inspecting buckets behind the store's back. */
  public S3Client admin() {
    return admin;
  }

  /** Creates a bucket no other test uses. */
  public String newBucket() {
    String bucket = "wct-test-" + BUCKETS.incrementAndGet();
    admin.createBucket(b -> b.bucket(bucket));
    return bucket;
  }

  public S3StoreConfig config(String bucket, String prefix) {
    return S3StoreConfig.of(bucket, prefix)
        .withEndpoint(endpoint)
        .withCredentials(ACCESS_KEY, SECRET_KEY);
  }

  @Override
  public void close() throws Exception {
    admin.close();
    proxy.stop();
  }
}

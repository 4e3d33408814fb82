package dev.wct.it;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3Proxy on a loopback port, in this JVM, with an in-memory blob store that outlives the server:
 * stopping it makes S3 unreachable for the workers, starting it again on the same port brings back
 * the same objects.
 */
final class S3Server implements AutoCloseable {
  static final String ACCESS_KEY = "wct-it-access";
  static final String SECRET_KEY = "wct-it-secret-do-not-print";
  static final String BUCKET = "wct-it";

  private final BlobStore blobs = new TransientNio2BlobStore();
  private final int port = Ports.free();
  private S3Proxy proxy;

  static S3Server start() throws Exception {
    S3Server server = new S3Server();
    server.resume();
    try (S3Client admin = server.admin()) {
      admin.createBucket(b -> b.bucket(BUCKET));
    }
    return server;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  void resume() throws Exception {
    proxy =
        S3Proxy.builder()
            .blobStore(blobs)
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .endpoint(endpoint())
            .ignoreUnknownHeaders(true)
            .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(10);
    }
  }

  void pause() throws Exception {
    proxy.stop();
    proxy = null;
  }

  /** A client with full rights, to look at the bucket behind the store's back. */
  S3Client admin() {
    return S3Client.builder()
        .endpointOverride(endpoint())
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  @Override
  public void close() throws Exception {
    if (proxy != null) {
      pause();
    }
  }
}

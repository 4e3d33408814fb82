package dev.wct.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.wct.testkit.store.GeneratedBytes;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Server-side encryption travels on every write: the headers the SDK sends are what S3 acts on
 * (S3Proxy ignores them), so the test records the requests as they leave the client.
 */
class S3EncryptionTest {
  private static final String SSE = "x-amz-server-side-encryption";
  private static final String SSE_KMS_KEY = "x-amz-server-side-encryption-aws-kms-key-id";

  private static EmbeddedS3 s3;

  /** One request as sent: operation and its encryption headers (empty string when absent). */
  private record Sent(String operation, String sse, String kmsKey) {}

  private static final class Recorder implements ExecutionInterceptor {
    final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      Map<String, List<String>> headers = context.httpRequest().headers();
      sent.add(
          new Sent(
              attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
              String.join(",", headers.getOrDefault(SSE, List.of())),
              String.join(",", headers.getOrDefault(SSE_KMS_KEY, List.of()))));
    }

    List<Sent> writes() {
      return sent.stream()
          .filter(
              s ->
                  s.operation().equals("PutObject")
                      || s.operation().equals("CreateMultipartUpload"))
          .toList();
    }
  }

  @BeforeAll
  static void startS3() throws Exception {
    s3 = EmbeddedS3.start();
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.close();
  }

  private static S3Client client(Recorder recorder) {
    return S3Client.builder()
        .endpointOverride(s3.endpoint())
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY)))
        .overrideConfiguration(c -> c.addExecutionInterceptor(recorder))
        .build();
  }

  /** Writes a small artifact, a multipart one and a record; returns what was sent. */
  private static List<Sent> writeEverything(S3Encryption encryption, String kmsKeyId)
      throws Exception {
    Recorder recorder = new Recorder();
    S3StoreConfig config = s3.config(s3.newBucket(), "wct").withEncryption(encryption, kmsKeyId);
    try (S3Client client = client(recorder);
        S3ArtifactStore store =
            new S3ArtifactStore(client, config, s3.endpoint().toString(), false, 1000)) {
      store.save("run-1", "small", out -> out.write("{}".getBytes()));
      GeneratedBytes large = new GeneratedBytes(3, S3ArtifactStore.PART_SIZE + 1024);
      store.save("run-1", "large", large);
      store.saveRecord("run-1", "run.json", "{}".getBytes());
      try (InputStream in = store.read("run-1", "large")) {
        assertThat(GeneratedBytes.sha256Of(in)).isEqualTo(large.sha256());
      }
    }
    return recorder.writes();
  }

  @Test
  void sseS3AsksForAes256OnEveryWrite() throws Exception {
    assertThat(writeEverything(S3Encryption.AES256, null))
        .extracting(Sent::operation, Sent::sse, Sent::kmsKey)
        .containsExactly(
            tuple("PutObject", "AES256", ""),
            tuple("CreateMultipartUpload", "AES256", ""),
            tuple("PutObject", "AES256", ""));
  }

  @Test
  void sseKmsNamesTheKeyOnEveryWrite() throws Exception {
    String key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    assertThat(writeEverything(S3Encryption.KMS, key))
        .extracting(Sent::operation, Sent::sse, Sent::kmsKey)
        .containsExactly(
            tuple("PutObject", "aws:kms", key),
            tuple("CreateMultipartUpload", "aws:kms", key),
            tuple("PutObject", "aws:kms", key));
  }

  @Test
  void withoutEncryptionNoHeaderIsSentAndTheBucketDefaultApplies() throws Exception {
    assertThat(writeEverything(S3Encryption.NONE, null))
        .extracting(Sent::sse, Sent::kmsKey)
        .containsOnly(tuple("", ""));
  }

  @Test
  void aKmsKeyWithoutKmsEncryptionIsRefused() {
    assertThatThrownBy(() -> S3StoreConfig.of("b", "").withEncryption(S3Encryption.AES256, "k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a KMS key id needs KMS encryption (kms)");
    assertThatThrownBy(() -> S3Encryption.parse("aes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected aes256, kms or none, got 'aes'");
    assertThat(S3Encryption.parse("KMS")).isEqualTo(S3Encryption.KMS);
  }
}

package dev.wct.store.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.store.StoredArtifact;
import dev.wct.testkit.store.GeneratedBytes;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

class S3ArtifactStoreTest {
  private static EmbeddedS3 s3;

  private String bucket;
  private S3ArtifactStore store;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = EmbeddedS3.start();
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.close();
  }

  @BeforeEach
  void openStore() {
    bucket = s3.newBucket();
    store = S3ArtifactStore.open(s3.config(bucket, "team-a"));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void artifactsLiveUnderThePrefixWithTheirChecksumInMetadata() {
    byte[] bytes = "{\"a\":1}".getBytes(UTF_8);

    store.save("run-1", "db", out -> out.write(bytes));

    Map<String, String> metadata =
        s3.admin()
            .headObject(b -> b.bucket(bucket).key("team-a/runs/run-1/artifacts/db.json"))
            .metadata();
    assertThat(metadata).containsEntry("sha256", GeneratedBytes.sha256Of(bytes));
    assertThat(store.location("run-1", "db"))
        .isEqualTo("s3://" + bucket + "/team-a/runs/run-1/artifacts/db.json");
  }

  @Test
  void objectsOutsideThePrefixAreNotPartOfTheStore() {
    putRaw("team-b/runs/other/artifacts/x.json", "{}", Map.of());
    putRaw("runs/unprefixed/artifacts/x.json", "{}", Map.of());
    store.save("run-1", "db", out -> out.write(1));

    assertThat(store.listRuns()).containsExactly("run-1");
  }

  @Test
  void corruptedObjectFailsTheReadAtItsEnd() throws IOException {
    StoredArtifact stored = store.save("run-1", "db", out -> out.write("original".getBytes(UTF_8)));
    putRaw("team-a/runs/run-1/artifacts/db.json", "tampered", Map.of("sha256", stored.sha256()));

    try (InputStream in = store.read("run-1", "db")) {
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("checksum mismatch")
          .hasMessageContaining(store.location("run-1", "db"));
    }
  }

  @Test
  void largeArtifactGoesUpInPartsAndLeavesNoUploadBehind() throws IOException {
    GeneratedBytes large = new GeneratedBytes(3, 2L * S3ArtifactStore.PART_SIZE + 123);

    StoredArtifact stored = store.save("run-1", "large", large);

    assertThat(stored.sha256()).isEqualTo(large.sha256());
    assertThat(s3.admin().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    assertThat(
            s3.admin()
                .headObject(b -> b.bucket(bucket).key("team-a/runs/run-1/artifacts/large.json"))
                .metadata())
        .containsEntry("sha256", large.sha256());
    try (InputStream in = store.read("run-1", "large")) {
      assertThat(GeneratedBytes.sha256Of(in)).isEqualTo(large.sha256());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1024, S3ArtifactStore.PART_SIZE + 1})
  void objectCreatedWhileSavingWinsAndIsReturned(int size) throws IOException {
    byte[] winner = "written by another worker".getBytes(UTF_8);
    GeneratedBytes loser = new GeneratedBytes(5, size);

    StoredArtifact stored =
        store.save(
            "run-1",
            "db",
            out -> {
              loser.writeTo(out);
              putRaw(
                  "team-a/runs/run-1/artifacts/db.json",
                  new String(winner, UTF_8),
                  Map.of("sha256", GeneratedBytes.sha256Of(winner)));
            });

    assertThat(stored)
        .isEqualTo(
            new StoredArtifact(
                "runs/run-1/artifacts/db.json", winner.length, GeneratedBytes.sha256Of(winner)));
    try (InputStream in = store.read("run-1", "db")) {
      assertThat(in.readAllBytes()).isEqualTo(winner);
    }
    assertThat(s3.admin().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
  }

  @Test
  void producerFailingAfterSpillingToDiskLeavesNoObjectAndNoSpoolFile() throws IOException {
    GeneratedBytes beyondOnePart = new GeneratedBytes(6, S3ArtifactStore.PART_SIZE + 1000);
    long spoolsBefore = spoolFiles();

    assertThatThrownBy(
            () ->
                store.save(
                    "run-1",
                    "db",
                    out -> {
                      beyondOnePart.writeTo(out);
                      throw new IOException("source went away");
                    }))
        .isInstanceOf(WctException.class)
        .hasMessageContaining("source went away");

    assertThat(spoolFiles()).isEqualTo(spoolsBefore);
    assertThat(store.exists("run-1", "db")).isFalse();
    assertThat(s3.admin().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
  }

  private static long spoolFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("wct-s3-")).count();
    }
  }

  @Test
  void savingAnExistingArtifactAsksNoQuestionFirstAndKeepsTheFirst() throws IOException {
    store.save("run-1", "db", out -> out.write("first".getBytes(UTF_8)));

    StoredArtifact again = store.save("run-1", "db", out -> out.write("second".getBytes(UTF_8)));

    assertThat(again.sha256()).isEqualTo(GeneratedBytes.sha256Of("first".getBytes(UTF_8)));
    try (InputStream in = store.read("run-1", "db")) {
      assertThat(in.readAllBytes()).isEqualTo("first".getBytes(UTF_8));
    }
  }

  @Test
  void largeArtifactUploadedInParallelPartsKeepsItsBytesInOrder() throws IOException {
    GeneratedBytes large =
        new GeneratedBytes(
            9, (S3ArtifactStore.PARTS_IN_FLIGHT + 1L) * S3ArtifactStore.PART_SIZE + 7);

    StoredArtifact stored = store.save("run-1", "large", large);

    assertThat(stored.sizeBytes()).isEqualTo(large.size());
    try (InputStream in = store.read("run-1", "large")) {
      assertThat(GeneratedBytes.sha256Of(in)).isEqualTo(large.sha256());
    }
    assertThat(s3.admin().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
  }

  @Test
  void aPartThatFailsAbortsTheUploadAndLeavesNothingVisible() {
    S3Client failingThirdPart = failingPart(s3.admin(), 3);
    GeneratedBytes large =
        new GeneratedBytes(10, (S3ArtifactStore.PARTS_IN_FLIGHT + 1L) * S3ArtifactStore.PART_SIZE);
    try (S3ArtifactStore failing =
        new S3ArtifactStore(failingThirdPart, bucket, "team-a", s3.endpoint().toString())) {

      assertThatThrownBy(() -> failing.save("run-1", "large", large))
          .isInstanceOf(WctException.class);
    }

    assertThat(store.exists("run-1", "large")).isFalse();
    assertThat(s3.admin().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
  }

  /** A client that fails the upload of one part number and passes everything else through. */
  private static S3Client failingPart(S3Client real, int partNumber) {
    return (S3Client)
        Proxy.newProxyInstance(
            S3Client.class.getClassLoader(),
            new Class<?>[] {S3Client.class},
            (proxy, method, args) -> {
              if (method.getName().equals("uploadPart")
                  && args.length == 2
                  && args[0] instanceof Consumer<?> mutation) {
                @SuppressWarnings("unchecked")
                UploadPartRequest request =
                    UploadPartRequest.builder()
                        .applyMutation((Consumer<UploadPartRequest.Builder>) mutation)
                        .build();
                if (request.partNumber() == partNumber) {
                  throw SdkClientException.create("connection reset while sending part");
                }
                return real.uploadPart(request, (RequestBody) args[1]);
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void listingsFollowEveryPage() {
    S3ArtifactStore paged =
        new S3ArtifactStore(
            s3.admin(), S3StoreConfig.of(bucket, "paged"), s3.endpoint().toString(), false, 3);
    for (int i = 0; i < 7; i++) {
      paged.save("run-" + i, "db", out -> out.write(1));
      paged.save("run-0", "a" + i, out -> out.write(1));
      paged.saveRecord("run-0", "artifacts/a" + i + ".json", new byte[] {1});
    }

    assertThat(paged.listRuns()).hasSize(7).startsWith("run-0").endsWith("run-6");
    assertThat(paged.list("run-0")).hasSize(8).startsWith("a0").endsWith("db");
    assertThat(paged.listRecords("run-0", "artifacts/")).hasSize(7);
  }

  @Test
  void unreachableEndpointIsAnExternalErrorNamingEndpointAndBucket() throws IOException {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    assertThatThrownBy(() -> S3ArtifactStore.open(s3.config(bucket, "").withEndpoint(closed)))
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL))
        .hasMessageContaining(closed.toString())
        .hasMessageContaining("'" + bucket + "'")
        .hasMessageNotContaining(EmbeddedS3.SECRET_KEY)
        .hasMessageNotContaining("\n");
  }

  @Test
  void missingBucketIsAUserErrorNamingEndpointAndBucket() {
    assertThatThrownBy(() -> S3ArtifactStore.open(s3.config("no-such-bucket", "")))
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessage("no such bucket 'no-such-bucket' at " + s3.endpoint());
  }

  @Test
  void wrongSecretIsAUserErrorThatDoesNotPrintIt() {
    String wrong = "not-the-secret-123";

    assertThatThrownBy(
            () ->
                S3ArtifactStore.open(
                    s3.config(bucket, "").withCredentials(EmbeddedS3.ACCESS_KEY, wrong)))
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessageContaining("access denied to bucket '" + bucket + "'")
        .hasMessageNotContaining(wrong);
  }

  private void putRaw(String key, String content, Map<String, String> metadata) {
    s3.admin()
        .putObject(
            b -> b.bucket(bucket).key(key).metadata(metadata),
            RequestBody.fromString(content, UTF_8));
  }
}

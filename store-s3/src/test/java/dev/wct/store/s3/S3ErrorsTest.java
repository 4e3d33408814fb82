package dev.wct.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ErrorsTest {
  private final S3Errors errors = new S3Errors("http://minio:9000", "scans");

  @Test
  void missingCredentialsAreTheUsersToFix() {
    WctException e =
        errors.translate(
            "check the bucket",
            SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain"));

    assertThat(e.kind()).isEqualTo(ErrorKind.USER);
    assertThat(e).hasMessageStartingWith("no S3 credentials found for bucket 'scans'");
  }

  @Test
  void serverErrorIsWorthARetryAndNamesCodeAndStatus() {
    WctException e =
        errors.translate(
            "save runs/r/artifacts/a.json",
            S3Exception.builder()
                .statusCode(503)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("SlowDown").build())
                .build());

    assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
    assertThat(e)
        .hasMessage(
            "cannot save runs/r/artifacts/a.json in bucket 'scans' at http://minio:9000:"
                + " SlowDown, HTTP 503");
  }

  @Test
  void networkFailureNamesItsRootCause() {
    WctException e =
        errors.translate(
            "read a",
            SdkClientException.create(
                "Unable to execute HTTP request", new ConnectException("Connection refused")));

    assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
    assertThat(e)
        .hasMessage(
            "cannot reach S3 at http://minio:9000 (bucket 'scans') to read a: Connection refused");
  }
}

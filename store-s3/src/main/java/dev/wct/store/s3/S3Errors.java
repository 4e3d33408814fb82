package dev.wct.store.s3;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK failures into one-line errors naming the endpoint and bucket (never credentials): a
 * missing bucket or refused access is the user's to fix, anything else is worth a retry.
 */
final class S3Errors {
  private final String where;
  private final String bucket;

  S3Errors(String endpoint, String bucket) {
    this.where = endpoint;
    this.bucket = bucket;
  }

  static boolean isNotFound(SdkException e) {
    return e instanceof AwsServiceException service
        && service.statusCode() == 404
        && !"NoSuchBucket".equals(errorCode(service));
  }

  static boolean isAlreadyExists(SdkException e) {
    // 412: the key exists; 409: another conditional write of the key is in flight.
    return e instanceof AwsServiceException service
        && (service.statusCode() == 412 || service.statusCode() == 409);
  }

  WctException translate(String action, SdkException e) {
    if (e instanceof AwsServiceException service) {
      String code = errorCode(service);
      int status = service.statusCode();
      if ("NoSuchBucket".equals(code)) {
        return noSuchBucket(e);
      }
      if (status == 403
          || "AccessDenied".equals(code)
          || "InvalidAccessKeyId".equals(code)
          || "SignatureDoesNotMatch".equals(code)) {
        return new WctException(
            ErrorKind.USER,
            "access denied to bucket '"
                + bucket
                + "' at "
                + where
                + " ("
                + (code == null ? "HTTP " + status : code)
                + "): check the credentials and their permissions",
            e);
      }
      return new WctException(
          ErrorKind.EXTERNAL,
          "cannot "
              + action
              + " in bucket '"
              + bucket
              + "' at "
              + where
              + ": "
              + (code == null ? "" : code + ", ")
              + "HTTP "
              + status,
          e);
    }
    if (String.valueOf(e.getMessage()).contains("Unable to load credentials")) {
      return new WctException(
          ErrorKind.USER,
          "no S3 credentials found for bucket '"
              + bucket
              + "' at "
              + where
              + ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or an AWS profile),"
              + " or configure an access key",
          e);
    }
    return new WctException(
        ErrorKind.EXTERNAL,
        "cannot reach S3 at "
            + where
            + " (bucket '"
            + bucket
            + "') to "
            + action
            + ": "
            + rootCause(e),
        e);
  }

  WctException noSuchBucket(Exception e) {
    return new WctException(ErrorKind.USER, "no such bucket '" + bucket + "' at " + where, e);
  }

  private static String errorCode(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message.split("\n", 2)[0];
  }
}

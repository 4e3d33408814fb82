package dev.wct.store.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

/**
 * Uploads a stream as a write-once multipart object, one part buffered at a time. Completion
 * carries {@code If-None-Match: *}, so an existing object wins (412); the upload is aborted on any
 * failure, that one included, so no parts are left behind to pay for.
 */
final class MultipartUpload {
  private static final Logger LOG = LoggerFactory.getLogger(MultipartUpload.class);

  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final int partSize;
  private final Consumer<CreateMultipartUploadRequest.Builder> encryption;

  /**
   * @param encryption adds the server-side encryption headers to the upload's creation (S3 takes
   *     them there, not on the parts)
   */
  MultipartUpload(
      S3Client s3,
      String bucket,
      String key,
      int partSize,
      Consumer<CreateMultipartUploadRequest.Builder> encryption) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.partSize = partSize;
    this.encryption = encryption;
  }

  void upload(InputStream in, Map<String, String> metadata, String contentType) throws IOException {
    String uploadId =
        s3.createMultipartUpload(
                b ->
                    encryption.accept(
                        b.bucket(bucket).key(key).metadata(metadata).contentType(contentType)))
            .uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      byte[] buffer = new byte[partSize];
      while (true) {
        int length = in.readNBytes(buffer, 0, partSize);
        if (length == 0 && !parts.isEmpty()) {
          break;
        }
        parts.add(uploadPart(uploadId, parts.size() + 1, buffer, length));
        if (length < partSize) {
          break;
        }
      }
      s3.completeMultipartUpload(
          b ->
              b.bucket(bucket)
                  .key(key)
                  .uploadId(uploadId)
                  .ifNoneMatch("*")
                  .multipartUpload(m -> m.parts(parts)));
    } catch (IOException | RuntimeException e) {
      abort(uploadId);
      throw e;
    }
  }

  private CompletedPart uploadPart(String uploadId, int partNumber, byte[] buffer, int length) {
    String eTag =
        s3.uploadPart(
                b ->
                    b.bucket(bucket)
                        .key(key)
                        .uploadId(uploadId)
                        .partNumber(partNumber)
                        .contentLength((long) length),
                RequestBody.fromByteBuffer(ByteBuffer.wrap(buffer, 0, length)))
            .eTag();
    return CompletedPart.builder().partNumber(partNumber).eTag(eTag).build();
  }

  private void abort(String uploadId) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
    } catch (SdkException e) {
      LOG.warn("could not abort multipart upload of s3://{}/{}: {}", bucket, key, e.getMessage());
    }
  }
}

package dev.wct.store.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

/**
 * Uploads a spooled file as a write-once multipart object, {@code parallelism} parts at a time,
 * each part streamed from its region of the file (nothing buffered; a retried part reads its region
 * again). Completion carries {@code If-None-Match: *}, so an existing object wins (412); the upload
 * is aborted on any failure, that one included, so no parts are left behind to pay for.
 */
final class MultipartUpload {
  private static final Logger LOG = LoggerFactory.getLogger(MultipartUpload.class);
  private static final String OCTETS = "application/octet-stream";

  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final int partSize;
  private final int parallelism;
  private final Executor executor;
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
      int parallelism,
      Executor executor,
      Consumer<CreateMultipartUploadRequest.Builder> encryption) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.partSize = partSize;
    this.parallelism = parallelism;
    this.executor = executor;
    this.encryption = encryption;
  }

  void upload(Path file, long size, Map<String, String> metadata, String contentType)
      throws IOException {
    String uploadId =
        s3.createMultipartUpload(
                b ->
                    encryption.accept(
                        b.bucket(bucket).key(key).metadata(metadata).contentType(contentType)))
            .uploadId();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      int count = (int) Math.max(1, (size + partSize - 1) / partSize);
      Semaphore inFlight = new Semaphore(parallelism);
      List<CompletableFuture<CompletedPart>> parts = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int partNumber = i + 1;
        long offset = (long) i * partSize;
        long length = Math.min(partSize, size - offset);
        acquire(inFlight);
        if (parts.stream().anyMatch(CompletableFuture::isCompletedExceptionally)) {
          inFlight.release();
          break; // the failure is thrown below; do not start more parts
        }
        parts.add(
            CompletableFuture.supplyAsync(
                    () -> uploadPart(uploadId, partNumber, channel, offset, length), executor)
                .whenComplete((part, e) -> inFlight.release()));
      }
      // every part ends (or fails) before we complete or abort, so none is left uploading
      CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).handle((v, e) -> v).join();
      List<CompletedPart> completed = new ArrayList<>(count);
      for (CompletableFuture<CompletedPart> part : parts) {
        completed.add(join(part));
      }
      s3.completeMultipartUpload(
          b ->
              b.bucket(bucket)
                  .key(key)
                  .uploadId(uploadId)
                  .ifNoneMatch("*")
                  .multipartUpload(m -> m.parts(completed)));
    } catch (IOException | RuntimeException e) {
      abort(uploadId);
      throw e;
    }
  }

  private CompletedPart uploadPart(
      String uploadId, int partNumber, FileChannel channel, long offset, long length) {
    String eTag =
        s3.uploadPart(
                b ->
                    b.bucket(bucket)
                        .key(key)
                        .uploadId(uploadId)
                        .partNumber(partNumber)
                        .contentLength(length),
                RequestBody.fromContentProvider(
                    () -> new RegionInputStream(channel, offset, length), length, OCTETS))
            .eTag();
    return CompletedPart.builder().partNumber(partNumber).eTag(eTag).build();
  }

  private static void acquire(Semaphore inFlight) throws IOException {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while uploading parts", e);
    }
  }

  private static CompletedPart join(CompletableFuture<CompletedPart> part) throws IOException {
    try {
      return part.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(cause);
    }
  }

  private void abort(String uploadId) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
    } catch (SdkException e) {
      LOG.warn("could not abort multipart upload of s3://{}/{}: {}", bucket, key, e.getMessage());
    }
  }

  /** One region of a file, read with positional reads, so parts can share the channel. */
  private static final class RegionInputStream extends InputStream {
    private final FileChannel channel;
    private long position;
    private final long end;

    RegionInputStream(FileChannel channel, long offset, long length) {
      this.channel = channel;
      this.position = offset;
      this.end = offset + length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (position >= end) {
        return -1;
      }
      int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
      if (n < 0) {
        throw new IOException("spool file ended at " + position + " before " + end);
      }
      position += n;
      return n;
    }
  }
}

package dev.wct.store.s3;

import java.util.Locale;

/**
 * Server-side encryption of the objects the store writes: none (the bucket's default applies),
 * SSE-S3 ({@code AES256}, keys managed by S3) or SSE-KMS ({@code aws:kms}, with a KMS key id or the
 * account's default {@code aws/s3} key).
 */
public enum S3Encryption {
  NONE,
  AES256,
  KMS;

  /** Parses {@code none}, {@code aes256} or {@code kms}, in any case. */
  public static S3Encryption parse(String text) {
    String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (S3Encryption candidate : values()) {
      if (candidate.name().equals(wanted)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "expected aes256, kms or none, got '" + (text == null ? "" : text) + "'");
  }
}

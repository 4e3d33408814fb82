package dev.wct.connectors.filesystem;

/**
 * How far the filesystem connector opens archives: the nesting depth, and per archive on disk the
 * bytes decompressed and the entries read (nested archives included), and the compression ratio
 * past which an entry is taken for a compression bomb.
 *
 * @param maxDepth levels of archives opened (1: those on disk); 0 opens none
 * @param maxSize bytes decompressed from one archive on disk, nested archives included
 * @param maxEntries entries read from one archive on disk, nested archives included
 * @param maxCompressionRatio uncompressed bytes per compressed byte an entry may expand to
 */
record ArchiveLimits(int maxDepth, long maxSize, int maxEntries, int maxCompressionRatio) {
  static final int DEFAULT_MAX_DEPTH = 2;
  static final long DEFAULT_MAX_SIZE = 100L * 1024 * 1024;
  static final int DEFAULT_MAX_ENTRIES = 10_000;
  static final int DEFAULT_MAX_COMPRESSION_RATIO = 100;

  /**
   * The ratio is judged only past this many uncompressed bytes: small files of repeated characters
   * compress far beyond any sane ratio without harm.
   */
  static final long RATIO_GRACE_BYTES = 1024 * 1024;

  ArchiveLimits {
    if (maxDepth < 0 || maxSize < 1 || maxEntries < 1 || maxCompressionRatio < 1) {
      throw new IllegalArgumentException("archive limits out of range");
    }
  }

  /** Whether {@code uncompressed} bytes from {@code compressed} look like a compression bomb. */
  boolean tooCompressed(long compressed, long uncompressed) {
    return uncompressed > RATIO_GRACE_BYTES
        && uncompressed > (double) maxCompressionRatio * Math.max(compressed, 1);
  }
}

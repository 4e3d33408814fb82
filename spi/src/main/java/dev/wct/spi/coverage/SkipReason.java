package dev.wct.spi.coverage;

/**
 * Why a producer did not read or analyse an object. {@link #EXCLUDED} (the runbook asked for it)
 * and {@link #EMPTY} (nothing there to read) are counted but are no gap; every other reason is a
 * coverage gap that the run reports as a warning.
 */
public enum SkipReason {
  /** Not text: a NUL byte, or bytes that do not decode in the configured encoding. */
  BINARY,
  /** Over the configured size limit. */
  TOO_LARGE,
  /** An I/O error while reading it. */
  UNREADABLE,
  /** Left out by the runbook's include or exclude settings. */
  EXCLUDED,
  /** Past the configured maximum number of objects (e.g. {@code max_files}). */
  BEYOND_MAX_FILES,
  /** The source refused access (file permissions, a database privilege). */
  NO_PERMISSION,
  /** A document protected by a password or DRM: its text cannot be read without the key. */
  ENCRYPTED,
  /** A document whose format is broken: its parser gave up. */
  CORRUPT,
  /** A format the producer cannot read or analyse. */
  UNSUPPORTED_FORMAT,
  /** Nothing to read in it. */
  EMPTY,
  /** An archive inside archives nested deeper than the configured depth: not opened. */
  TOO_DEEP,
  /**
   * An archive entry that expands more than the configured ratio of its compressed size: a
   * suspected compression bomb, not read further.
   */
  TOO_COMPRESSED,
  /**
   * The rest of an archive, past its configured limits (entries, or bytes decompressed from it):
   * not read.
   */
  BEYOND_ARCHIVE_LIMITS;

  /** Whether skipping for this reason means something that should have been read was not. */
  public boolean isGap() {
    return this != EXCLUDED && this != EMPTY;
  }
}

package dev.wct.spi.coverage;

/**
 * What a producer read and what it did not, per object: a file path, a table name, never content.
 * The run keeps the full list as a record of the artifact and reports gaps as warnings, so nothing
 * is dropped silently. Recording the same object again replaces what was recorded for it.
 *
 * <p>Implementations are thread-safe. Object names must not contain scanned values.
 */
public interface Coverage {
  /** Records nothing: for contexts that do not keep coverage. */
  Coverage NONE =
      new Coverage() {
        @Override
        public void scanned(String object) {}

        @Override
        public void sampled(String object, long rowsRead, Long rowsEstimated) {}

        @Override
        public void skipped(String object, SkipReason reason) {}
      };

  /**
   * What this producer's objects are called, plural and lower case ({@code "files"}, {@code
   * "tables"}), for warnings such as {@code read 0 tables}. Default: {@code "objects"}.
   */
  default void objectsAre(String plural) {}

  /** The object was read in full. */
  void scanned(String object);

  /**
   * A sample of the object was read (a table's first rows).
   *
   * @param rowsRead rows read
   * @param rowsEstimated rows the object holds, exact or estimated from statistics; null if unknown
   */
  void sampled(String object, long rowsRead, Long rowsEstimated);

  /** The object was not read, for {@code reason}. */
  void skipped(String object, SkipReason reason);
}

package dev.wct.core;

/** Argument checks that several places make, with one wording. */
public final class Checks {
  private Checks() {}

  /**
   * Returns {@code value} if it is at least 1.
   *
   * @param name how the caller names the value, such as {@code --limit} or {@code maxAttempts}
   * @throws IllegalArgumentException {@code NAME must be at least 1, got VALUE}
   */
  public static int atLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
    return value;
  }
}

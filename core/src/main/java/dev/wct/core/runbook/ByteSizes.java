package dev.wct.core.runbook;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runbook sizes: bytes as a whole number, or {@code 512KiB}, {@code 64MiB}, {@code 1GiB}. */
public final class ByteSizes {
  private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*([kmgt]i?b|b)?");

  private ByteSizes() {}

  /** KiB/MiB/GiB/TiB are powers of 1024, KB/MB/GB/TB of 1000; empty if not a size or too big. */
  public static Optional<Long> parse(String text) {
    Matcher m = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    String unit = m.group(2) == null ? "b" : m.group(2);
    long base = unit.contains("i") ? 1024 : 1000;
    int power = "bkmgt".indexOf(unit.charAt(0));
    try {
      long value = Long.parseLong(m.group(1));
      for (int i = 0; i < power; i++) {
        value = Math.multiplyExact(value, base);
      }
      return Optional.of(value);
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}

package dev.wct.core.runbook;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runbook durations: seconds as a number, or a string such as {@code 500ms}, {@code 30s}. */
public final class Durations {
  private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

  private Durations() {}

  /** Parses {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, {@code 500ms} or plain seconds. */
  public static Optional<Duration> parse(String text) {
    String trimmed = text.trim();
    Matcher m = TEXT.matcher(trimmed);
    if (m.matches()) {
      BigDecimal amount = new BigDecimal(m.group(1));
      long millisPerUnit =
          switch (m.group(2)) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> 86_400_000L;
          };
      return Optional.of(
          Duration.ofMillis(amount.multiply(BigDecimal.valueOf(millisPerUnit)).longValue()));
    }
    try {
      return Optional.of(ofSeconds(new BigDecimal(trimmed)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public static Duration ofSeconds(BigDecimal seconds) {
    return Duration.ofMillis(seconds.multiply(BigDecimal.valueOf(1000)).longValue());
  }

  /** {@code 90s} → {@code 1m30s}: short, for plan listings. */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    long hours = duration.toHours();
    int minutes = duration.toMinutesPart();
    int seconds = duration.toSecondsPart();
    int millis = duration.toMillisPart();
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (minutes > 0) {
      text.append(minutes).append('m');
    }
    if (seconds > 0) {
      text.append(seconds).append('s');
    }
    if (millis > 0) {
      text.append(millis).append("ms");
    }
    return text.toString();
  }
}

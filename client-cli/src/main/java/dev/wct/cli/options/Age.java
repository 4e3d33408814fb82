package dev.wct.cli.options;

import dev.wct.core.runbook.Durations;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A positive age such as {@code 90d}, {@code 12h} or {@code 30m}, checked when parsed. */
public final class Age implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    Optional<Duration> parsed = Durations.parse(value.replace("_", ""));
    if (parsed.isPresent() && !parsed.get().isNegative() && !parsed.get().isZero()) {
      return parsed.get();
    }
    throw new TypeConversionException(
        "expected a positive age such as 90d, 12h or 30m, got '" + value + "'");
  }

  /** {@code 90d}, {@code 12h}, {@code 30m} or {@code 45s}: the largest whole unit. */
  public static String format(Duration age) {
    long seconds = age.toSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return Durations.format(age);
  }
}

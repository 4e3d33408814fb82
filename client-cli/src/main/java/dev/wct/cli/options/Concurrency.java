package dev.wct.cli.options;

import dev.wct.core.plan.PlanLimits;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Checks a {@code --concurrency} value against the plan limits when parsed. */
public final class Concurrency implements ITypeConverter<Integer> {
  @Override
  public Integer convert(String value) {
    int number;
    try {
      number = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException(
          "--concurrency must be a whole number, got '" + value + "'");
    }
    try {
      return PlanLimits.concurrency("--concurrency", number);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}

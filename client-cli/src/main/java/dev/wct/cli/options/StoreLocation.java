package dev.wct.cli.options;

import dev.wct.store.ArtifactStores;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Checks, when parsed, that a store location has a scheme some store provider knows. */
public final class StoreLocation implements ITypeConverter<String> {
  @Override
  public String convert(String value) {
    if (value == null || value.isBlank()) {
      return value;
    }
    try {
      ArtifactStores.checkScheme(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
    return value;
  }
}

package dev.wct.cli.options;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A {@code HOST:PORT} address such as {@code localhost:7233} or {@code [::1]:7233}. */
public record HostAndPort(String host, int port) {
  private static final Pattern FORM =
      Pattern.compile("([^\\s:/\\[\\]]+|\\[[^\\]\\s]+]):(\\d{1,5})");

  public HostAndPort {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1 to 65535, got " + port);
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }

  /** Checks {@code HOST:PORT} when the command line is parsed. */
  public static final class Converter implements ITypeConverter<HostAndPort> {
    @Override
    public HostAndPort convert(String value) {
      Matcher matcher = FORM.matcher(value.trim());
      if (matcher.matches()) {
        int port = Integer.parseInt(matcher.group(2));
        if (port >= 1 && port <= 65_535) {
          return new HostAndPort(matcher.group(1), port);
        }
      }
      throw new TypeConversionException("expected HOST:PORT, got '" + value + "'");
    }
  }
}

package dev.wct.cli.options;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts an {@code http://} or {@code https://} URL with a host, checked when parsed. */
public final class HttpUrl implements ITypeConverter<URI> {
  @Override
  public URI convert(String value) {
    try {
      URI uri = new URI(value.trim());
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, in the same words as any other malformed URL
    }
    throw new TypeConversionException("expected an http:// or https:// URL, got '" + value + "'");
  }
}

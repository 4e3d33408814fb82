package dev.wct.spi.error;

import java.util.Objects;

/** An error whose message is fit to show a user on one line, classified by {@link ErrorKind}. */
public class WctException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;

  public WctException(ErrorKind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public WctException(ErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public ErrorKind kind() {
    return kind;
  }

  public static WctException user(String message) {
    return new WctException(ErrorKind.USER, message);
  }

  public static WctException external(String message, Throwable cause) {
    return new WctException(ErrorKind.EXTERNAL, message, cause);
  }
}

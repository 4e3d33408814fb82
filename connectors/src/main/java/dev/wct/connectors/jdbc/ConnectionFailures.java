package dev.wct.connectors.jdbc;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a driver's connection failure into one line a user can act on: where (host, port, database)
 * and why, never the password. Unreachable servers are {@link ErrorKind#EXTERNAL} (retrying may
 * help); rejected credentials and unknown databases are {@link ErrorKind#USER}.
 */
public final class ConnectionFailures {
  /** MySQL/MariaDB: access denied to database, bad password, unknown database. */
  private static final Set<Integer> MYSQL_USER_ERRORS = Set.of(1044, 1045, 1049, 1698);

  private static final Pattern CONNECTION_ID = Pattern.compile("^\\(conn=\\d+\\)\\s*");
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;,)\\s]*");

  private ConnectionFailures() {}

  /**
   * The error to throw for a failed connection.
   *
   * @param connectorType e.g. {@code mysql}, first word of the message
   * @param location e.g. {@code 127.0.0.1:3307 database 'crm'}
   * @param password removed from the message wherever the driver echoes it
   */
  public static WctException of(
      String connectorType, String location, SQLException e, Optional<String> password) {
    Throwable network = networkCause(e);
    ErrorKind kind;
    String cause;
    if (network != null) {
      kind = ErrorKind.EXTERNAL;
      cause =
          network instanceof UnknownHostException
              ? "unknown host '" + network.getMessage() + "'"
              : network.getMessage();
    } else {
      kind = isUserError(e) ? ErrorKind.USER : ErrorKind.EXTERNAL;
      cause = e.getMessage();
    }
    String message =
        connectorType + ": cannot connect to " + location + ": " + oneLine(cause, password);
    // The driver's exception is not attached: its message may echo the URL or the password.
    return new WctException(kind, message);
  }

  /** {@code message} on one line, without the connection id prefix or the password. */
  public static String oneLine(String message, Optional<String> password) {
    String text = message == null || message.isBlank() ? "unknown error" : message.strip();
    int newline = text.indexOf('\n');
    if (newline >= 0) {
      text = text.substring(0, newline).strip();
    }
    text = CONNECTION_ID.matcher(text).replaceFirst("");
    text = PASSWORD_PARAMETER.matcher(text).replaceAll("$1***");
    if (password.isPresent() && !password.get().isEmpty()) {
      text = text.replace(password.get(), "***");
    }
    return text;
  }

  private static boolean isUserError(SQLException e) {
    for (SQLException current = e; current != null; current = current.getNextException()) {
      String state = current.getSQLState();
      if (state != null && (state.startsWith("28") || state.equals("3D000"))) {
        return true; // invalid authorization, invalid catalog name
      }
      if (MYSQL_USER_ERRORS.contains(current.getErrorCode())) {
        return true;
      }
    }
    return false;
  }

  private static Throwable networkCause(Throwable e) {
    for (Throwable current = e; current != null; current = current.getCause()) {
      if (current instanceof ConnectException
          || current instanceof SocketTimeoutException
          || current instanceof UnknownHostException
          || current instanceof NoRouteToHostException) {
        return current;
      }
      if (current.getCause() == current) {
        break;
      }
    }
    return null;
  }
}

package dev.wct.connectors.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * An open, read-only connection and how to name it to users.
 *
 * @param source where the data comes from, without credentials, e.g. {@code
 *     mysql://127.0.0.1:3306/crm}
 * @param location for error messages, e.g. {@code 127.0.0.1:3306 database 'crm'}
 */
public record DatabaseSession(Connection connection, String source, String location)
    implements AutoCloseable {
  public DatabaseSession {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(location, "location");
  }

  @Override
  public void close() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // Nothing was written; the connection is closed next either way.
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // A failed close of a read-only session loses nothing.
    }
  }
}

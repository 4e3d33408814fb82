package dev.wct.testkit.connectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A uniquely named, seeded schema (or database, or file) on a real server, dropped on close.
 * Statements run on an administrative connection whose default schema is the seeded one.
 */
public abstract class DatabaseFixture implements AutoCloseable {
  private final Connection admin;

  protected DatabaseFixture(Connection admin) {
    this.admin = admin;
  }

  /** The schema name the connector reports for the seeded tables. */
  public abstract String schema();

  /** Properties that point the connector at the seeded schema. */
  public abstract ObjectNode properties();

  /** The column type for binary values. */
  public abstract String binaryType();

  /** A binary literal of three bytes. */
  public abstract String binaryLiteral();

  /** Drops what was seeded. */
  protected abstract void drop(Connection admin) throws Exception;

  public void execute(String... statements) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** Every row of a table as text, in key order: to prove the connector changed nothing. */
  public List<String> rows(String table, String orderBy) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = admin.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT * FROM " + table + " ORDER BY " + orderBy)) {
      ResultSetMetaData columns = result.getMetaData();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          Object value = result.getObject(i);
          row.append(value instanceof byte[] bytes ? java.util.Arrays.toString(bytes) : value)
              .append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  @Override
  public void close() throws Exception {
    try {
      drop(admin);
    } finally {
      admin.close();
    }
  }
}

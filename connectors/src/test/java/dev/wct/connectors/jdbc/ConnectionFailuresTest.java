package dev.wct.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionFailuresTest {
  private static final Optional<String> PASSWORD = Optional.of("hunter2!");

  @Test
  void aPasswordEchoedByTheDriverNeverReachesTheMessage() {
    SQLException echoing =
        new SQLException(
            "(conn=42) Could not connect to jdbc:mariadb://db:3306/crm?user=app&password=hunter2!"
                + " with password hunter2!\n\tat some.Driver",
            "08000");

    WctException error =
        ConnectionFailures.of("mysql", "db:3306 database 'crm'", echoing, PASSWORD);

    assertThat(error.getMessage())
        .isEqualTo(
            "mysql: cannot connect to db:3306 database 'crm': Could not connect to"
                + " jdbc:mariadb://db:3306/crm?user=app&password=*** with password ***");
    assertThat(error.getCause()).isNull();
  }

  @Test
  void refusedAndTimedOutConnectionsAreExternalAndNameTheNetworkCause() {
    SQLException refused =
        new SQLNonTransientConnectionException(
            "Socket fail to connect to host:address=(host=db)(port=1). Connection refused",
            "08000",
            new ConnectException("Connection refused"));
    SQLException timedOut =
        new SQLException(
            "connect failed", "08001", new SocketTimeoutException("Connect timed out"));

    WctException first = ConnectionFailures.of("mysql", "db:1", refused, PASSWORD);
    WctException second = ConnectionFailures.of("postgresql", "db:2", timedOut, PASSWORD);

    assertThat(first.kind()).isEqualTo(ErrorKind.EXTERNAL);
    assertThat(first.getMessage()).isEqualTo("mysql: cannot connect to db:1: Connection refused");
    assertThat(second.kind()).isEqualTo(ErrorKind.EXTERNAL);
    assertThat(second.getMessage())
        .isEqualTo("postgresql: cannot connect to db:2: Connect timed out");
  }

  @Test
  void rejectedCredentialsAndUnknownDatabasesAreUserErrors() {
    SQLException badPassword =
        new SQLException(
            "Access denied for user 'app'@'10.0.0.1' (using password: YES)", "28000", 1045);
    SQLException unknownDatabase =
        new SQLException("FATAL: database \"crm\" does not exist", "3D000");
    SQLException serverGone = new SQLException("server closed the connection", "08006");

    assertThat(ConnectionFailures.of("mysql", "db", badPassword, PASSWORD).kind())
        .isEqualTo(ErrorKind.USER);
    assertThat(ConnectionFailures.of("postgresql", "db", unknownDatabase, PASSWORD).kind())
        .isEqualTo(ErrorKind.USER);
    assertThat(ConnectionFailures.of("postgresql", "db", serverGone, PASSWORD).kind())
        .isEqualTo(ErrorKind.EXTERNAL);
  }
}

package dev.wct.connectors.jdbc;

import dev.wct.connectors.common.PropertiesSchema;
import dev.wct.connectors.common.PropertyReader;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a database server is and who connects: the properties MySQL and PostgreSQL share. The
 * password is kept out of {@link #toString()}.
 */
public record ServerOptions(
    String host,
    int port,
    String user,
    Optional<String> password,
    Optional<String> database,
    int connectTimeoutSeconds) {
  public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

  /** Host names, IPv4 and IPv6 addresses; nothing that could add URL parameters. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._\\-:\\[\\]%]+");

  /** Names that go into a JDBC URL path unescaped. */
  private static final Pattern DATABASE = Pattern.compile("[^/?&#;=\\s]+");

  public ServerOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(database, "database");
  }

  public static ServerOptions read(PropertyReader properties, int defaultPort) {
    String host = properties.requiredString("host").strip();
    if (!HOST.matcher(host).matches()) {
      throw properties.invalid("invalid host '" + host + "'");
    }
    Optional<String> database = properties.optionalString("database").map(String::strip);
    if (database.isPresent() && !DATABASE.matcher(database.get()).matches()) {
      throw properties.invalid("invalid database name '" + database.get() + "'");
    }
    return new ServerOptions(
        host,
        properties.integer("port", defaultPort, 1),
        properties.requiredString("user"),
        properties.secret("password"),
        database,
        properties.integer("connect_timeout", DEFAULT_CONNECT_TIMEOUT_SECONDS, 1));
  }

  /** Declares host, port, user, password, database and connect_timeout. */
  public static PropertiesSchema declare(
      PropertiesSchema schema, int defaultPort, String databaseDescription) {
    return schema
        .string("host", "Server host name or IP address.")
        .integer("port", "Server TCP port.", defaultPort, 1)
        .string("user", "User name.")
        .secret(
            "password", "Password; give it as a ${VAR} placeholder so that it stays on the worker.")
        .string("database", databaseDescription)
        .integer(
            "connect_timeout",
            "Seconds to wait for the connection.",
            DEFAULT_CONNECT_TIMEOUT_SECONDS,
            1);
  }

  /** {@code host:port}, with IPv6 addresses in brackets. */
  public String endpoint() {
    String shownHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return shownHost + ":" + port;
  }

  @Override
  public String toString() {
    return "ServerOptions[" + user + "@" + endpoint() + database.map(d -> "/" + d).orElse("") + "]";
  }
}

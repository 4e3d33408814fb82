package dev.wct.connectors.jdbc;

import dev.wct.spi.properties.Property;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a database server is and who connects: the properties MySQL and PostgreSQL share, flattened
 * into their properties records (each sets its own default port and database description). The
 * password is kept out of {@link #toString()}.
 */
public record ServerOptions(
    @Property(
            description = "Server host name or IP address.",
            required = true,
            pattern = ServerOptions.HOST,
            format = "a host name or IP address")
        String host,
    @Property(description = "Server TCP port.", minimum = 1, maximum = 65535) int port,
    @Property(description = "User name.", required = true) String user,
    @Property(
            description =
                "Password; give it as a ${VAR} placeholder so that it stays on the worker.",
            secret = true)
        Optional<String> password,
    @Property(
            description = "Database to read.",
            pattern = ServerOptions.DATABASE,
            format = "a database name without / ? & # ; = or spaces")
        Optional<String> database,
    @Property(
            name = "connect_timeout",
            description = "Seconds to wait for the connection.",
            defaultValue = "" + ServerOptions.DEFAULT_CONNECT_TIMEOUT_SECONDS,
            minimum = 1)
        int connectTimeoutSeconds) {
  public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

  /** Host names, IPv4 and IPv6 addresses; nothing that could add URL parameters. */
  static final String HOST = "[A-Za-z0-9._\\-:\\[\\]%]+";

  /** Names that go into a JDBC URL path unescaped. */
  static final String DATABASE = "[^/?&#;=\\s]+";

  public ServerOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(database, "database");
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

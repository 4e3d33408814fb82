package dev.wct.cli.options;

import dev.wct.activities.worker.WctWorkers;
import dev.wct.engine.connect.ConnectionSettings;
import dev.wct.spi.error.WctException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * Where a Temporal cluster is and which of its queues the wct workers poll, named as the Temporal
 * CLI names them. Each setting comes from its option, else its environment variable, else the
 * profile ({@code --profile}, else {@code $WCT_PROFILE}, else {@code default}) of {@code
 * ~/.config/wct/config.toml} ({@code $WCT_CONFIG} names another file), else the default.
 */
public final class TemporalOptions {
  public static final String DEFAULT_NAMESPACE = "default";

  /** The Temporal CLI's default frontend. */
  public static final String DEFAULT_ADDRESS = "localhost:7233";

  @Option(
      names = {"--address", "--temporal"},
      paramLabel = "HOST:PORT",
      converter = HostAndPort.Converter.class,
      description =
          "Temporal frontend whose workers run the producers (default: $TEMPORAL_ADDRESS, else"
              + " the profile's address; wct run: else an embedded Temporal with a worker in this"
              + " process; other commands: else "
              + DEFAULT_ADDRESS
              + ").")
  private HostAndPort address;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      description =
          "Temporal namespace (default: $TEMPORAL_NAMESPACE, else the profile's, else"
              + " default).")
  private String namespace;

  @Option(
      names = "--task-queue",
      paramLabel = "QUEUE",
      description =
          "Task queue the cluster's workers poll (default: $WCT_TASK_QUEUE, else the profile's,"
              + " else wct).")
  private String taskQueue;

  @Option(
      names = "--tls",
      arity = "0..1",
      paramLabel = "true|false",
      description =
          "Use TLS (default: $TEMPORAL_TLS, else on when a TLS option or an API key is given;"
              + " --tls=false turns it off).")
  private Boolean tls;

  @Option(
      names = "--tls-cert-path",
      paramLabel = "FILE",
      description = "Client certificate (PEM) for mutual TLS (default: $TEMPORAL_TLS_CERT).")
  private Path tlsCertPath;

  @Option(
      names = "--tls-key-path",
      paramLabel = "FILE",
      description = "Private key (PKCS#8 PEM) of --tls-cert-path (default: $TEMPORAL_TLS_KEY).")
  private Path tlsKeyPath;

  @Option(
      names = "--tls-ca-path",
      paramLabel = "FILE",
      description =
          "CA certificate (PEM) to trust for the server instead of the system's (default:"
              + " $TEMPORAL_TLS_CA).")
  private Path tlsCaPath;

  @Option(
      names = "--tls-server-name",
      paramLabel = "NAME",
      description =
          "Name to check the server's certificate against (default: $TEMPORAL_TLS_SERVER_NAME,"
              + " else the host).")
  private String tlsServerName;

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      description =
          "API key sent as a bearer token, e.g. for Temporal Cloud (default: $TEMPORAL_API_KEY;"
              + " prefer the variable or the profile: options show in the process list).")
  private String apiKey;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "Connection profile [profile.NAME] of ~/.config/wct/config.toml (default: $WCT_PROFILE,"
              + " else default, when the file has it).")
  private String profile;

  /**
   * Whether a cluster is meant rather than the embedded service: an address given as an option, in
   * {@code $TEMPORAL_ADDRESS} or in a profile chosen with {@code --profile}/{@code $WCT_PROFILE}.
   */
  public boolean clusterGiven() {
    return clusterGiven(System::getenv, configFile(System::getenv));
  }

  boolean clusterGiven(Function<String, String> env, Path configFile) {
    if (address != null || given(env.apply("TEMPORAL_ADDRESS"))) {
      return true;
    }
    String chosen = profile != null ? profile : env.apply("WCT_PROFILE");
    return given(chosen) && profile(env, configFile).containsKey("address");
  }

  /** Whether an option that only a cluster uses was given (a routing or TLS option). */
  public boolean clusterOptionsGiven() {
    return namespace != null
        || taskQueue != null
        || tls != null
        || tlsCertPath != null
        || tlsKeyPath != null
        || tlsCaPath != null
        || tlsServerName != null
        || apiKey != null;
  }

  /** The connection the options, the environment and the profile describe. */
  public ConnectionSettings settings() {
    return settings(System::getenv, configFile(System::getenv));
  }

  ConnectionSettings settings(Function<String, String> env, Path configFile) {
    Map<String, String> fromProfile = profile(env, configFile);
    String where = address != null ? address.toString() : null;
    where = first(where, env.apply("TEMPORAL_ADDRESS"), fromProfile.get("address"));
    if (where == null) {
      where = DEFAULT_ADDRESS;
    }
    if (address == null) {
      try {
        where = new HostAndPort.Converter().convert(where).toString();
      } catch (RuntimeException e) {
        throw WctException.user("Temporal address: expected HOST:PORT, got '" + where + "'");
      }
    }
    Boolean useTls = tls;
    if (useTls == null) {
      String text = first(env.apply("TEMPORAL_TLS"), fromProfile.get("tls"));
      useTls = text == null ? null : Boolean.parseBoolean(text.strip());
    }
    try {
      return new ConnectionSettings(
          where,
          Objects.requireNonNullElse(
              first(namespace, env.apply("TEMPORAL_NAMESPACE"), fromProfile.get("namespace")),
              DEFAULT_NAMESPACE),
          Objects.requireNonNullElse(
              first(taskQueue, env.apply("WCT_TASK_QUEUE"), fromProfile.get("task_queue")),
              WctWorkers.TASK_QUEUE),
          useTls,
          path(tlsCertPath, env.apply("TEMPORAL_TLS_CERT"), fromProfile.get("tls_cert_path")),
          path(tlsKeyPath, env.apply("TEMPORAL_TLS_KEY"), fromProfile.get("tls_key_path")),
          path(tlsCaPath, env.apply("TEMPORAL_TLS_CA"), fromProfile.get("tls_ca_path")),
          first(
              tlsServerName,
              env.apply("TEMPORAL_TLS_SERVER_NAME"),
              fromProfile.get("tls_server_name")),
          first(apiKey, env.apply("TEMPORAL_API_KEY"), fromProfile.get("api_key")));
    } catch (IllegalArgumentException e) {
      throw WctException.user(e.getMessage());
    }
  }

  /**
   * The options that reach the same cluster again, shell-quoted with a leading space, for a printed
   * follow-up command; never the API key.
   */
  public String givenArguments() {
    StringBuilder given = new StringBuilder();
    if (profile != null) {
      given.append(" --profile ").append(ShellWords.quote(profile));
    }
    if (address != null) {
      given.append(" --address ").append(ShellWords.quote(address.toString()));
    }
    if (namespace != null) {
      given.append(" --namespace ").append(ShellWords.quote(namespace));
    }
    if (tls != null) {
      given.append(" --tls=").append(tls);
    }
    appendPath(given, "--tls-cert-path", tlsCertPath);
    appendPath(given, "--tls-key-path", tlsKeyPath);
    appendPath(given, "--tls-ca-path", tlsCaPath);
    if (tlsServerName != null) {
      given.append(" --tls-server-name ").append(ShellWords.quote(tlsServerName));
    }
    return given.toString();
  }

  private static void appendPath(StringBuilder given, String option, Path path) {
    if (path != null) {
      given.append(' ').append(option).append(' ').append(ShellWords.quote(path.toString()));
    }
  }

  private Map<String, String> profile(Function<String, String> env, Path configFile) {
    String chosen = profile != null ? profile : env.apply("WCT_PROFILE");
    if (!given(chosen)) {
      return ProfileFile.profile(configFile, "default").orElse(Map.of());
    }
    return ProfileFile.profile(configFile, chosen)
        .orElseThrow(
            () -> WctException.user("--profile: no [profile." + chosen + "] in " + configFile));
  }

  /** {@code $WCT_CONFIG}, else {@code $XDG_CONFIG_HOME/wct/config.toml}, else under ~/.config. */
  static Path configFile(Function<String, String> env) {
    if (given(env.apply("WCT_CONFIG"))) {
      return Path.of(env.apply("WCT_CONFIG"));
    }
    String xdg = env.apply("XDG_CONFIG_HOME");
    Path base = given(xdg) ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("wct").resolve("config.toml");
  }

  private static Path path(Path option, String fromEnv, String fromProfile) {
    if (option != null) {
      return option;
    }
    String text = first(fromEnv, fromProfile);
    return text == null ? null : Path.of(text);
  }

  private static String first(String... values) {
    for (String value : values) {
      if (given(value)) {
        return value;
      }
    }
    return null;
  }

  private static boolean given(String value) {
    return value != null && !value.isBlank();
  }
}

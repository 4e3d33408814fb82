package dev.wct.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.engine.connect.ConnectionSettings;
import dev.wct.spi.error.WctException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Each connection setting: the option, else the environment, else the profile, else default. */
class TemporalOptionsTest {
  @TempDir Path dir;

  private final Map<String, String> env = new HashMap<>();

  @Command
  static final class Holder {
    @Mixin TemporalOptions temporal;
  }

  private TemporalOptions parse(String... args) {
    Holder holder = new Holder();
    new CommandLine(holder).parseArgs(args);
    return holder.temporal;
  }

  private Path config(String text) throws IOException {
    return Files.writeString(dir.resolve("config.toml"), text);
  }

  @Test
  void nothingGivenIsTheTemporalCliDefaultsAndPlainGrpc() {
    ConnectionSettings settings = parse().settings(env::get, dir.resolve("absent.toml"));

    assertThat(settings.address()).isEqualTo("localhost:7233");
    assertThat(settings.namespace()).isEqualTo("default");
    assertThat(settings.taskQueue()).isEqualTo("wct");
    assertThat(settings.usesTls()).isFalse();
    assertThat(settings.apiKey()).isNull();
    assertThat(parse().clusterGiven(env::get, dir.resolve("absent.toml"))).isFalse();
  }

  @Test
  void optionBeatsEnvironmentBeatsProfileBeatsDefault() throws IOException {
    Path file =
        config(
            """
            # wct connection profiles
            [profile.default]
            address = "profile.example.com:7233"
            namespace = "from-profile"
            task_queue = "profile-queue"
            tls_ca_path = "/etc/wct/profile-ca.pem"
            api_key = "profile-key"   # a comment after a value
            """);
    env.put("TEMPORAL_NAMESPACE", "from-env");
    env.put("TEMPORAL_TLS_CA", "/etc/wct/env-ca.pem");

    ConnectionSettings settings =
        parse("--address", "flag.example.com:7233", "--tls-ca-path", "/flag-ca.pem")
            .settings(env::get, file);

    assertThat(settings.address()).isEqualTo("flag.example.com:7233");
    assertThat(settings.namespace()).isEqualTo("from-env");
    assertThat(settings.taskQueue()).isEqualTo("profile-queue");
    assertThat(settings.tlsCaPath()).isEqualTo(Path.of("/flag-ca.pem"));
    assertThat(settings.apiKey()).isEqualTo("profile-key");
    assertThat(settings.usesTls()).as("an API key or a CA turns TLS on").isTrue();
  }

  @Test
  void temporalCliEnvironmentVariablesAreRead() {
    env.put("TEMPORAL_ADDRESS", "env.example.com:7233");
    env.put("TEMPORAL_API_KEY", "env-key");
    env.put("TEMPORAL_TLS_CERT", "/c.pem");
    env.put("TEMPORAL_TLS_KEY", "/k.pem");
    env.put("TEMPORAL_TLS_SERVER_NAME", "frontend.internal");
    env.put("WCT_TASK_QUEUE", "env-queue");

    TemporalOptions options = parse();
    ConnectionSettings settings = options.settings(env::get, dir.resolve("absent.toml"));

    assertThat(options.clusterGiven(env::get, dir.resolve("absent.toml"))).isTrue();
    assertThat(settings.address()).isEqualTo("env.example.com:7233");
    assertThat(settings.apiKey()).isEqualTo("env-key");
    assertThat(settings.tlsCertPath()).isEqualTo(Path.of("/c.pem"));
    assertThat(settings.tlsKeyPath()).isEqualTo(Path.of("/k.pem"));
    assertThat(settings.tlsServerName()).isEqualTo("frontend.internal");
    assertThat(settings.taskQueue()).isEqualTo("env-queue");
  }

  @Test
  void tlsFalseTurnsTlsOffEvenWithAnApiKey() {
    env.put("TEMPORAL_API_KEY", "k");

    assertThat(parse("--tls=false").settings(env::get, dir.resolve("a.toml")).usesTls()).isFalse();
    assertThat(
            parse("--tls").settings(Map.<String, String>of()::get, dir.resolve("a.toml")).usesTls())
        .isTrue();
  }

  @Test
  void temporalStaysAnAliasOfAddress() {
    assertThat(
            parse("--temporal", "127.0.0.1:7233")
                .settings(env::get, dir.resolve("absent.toml"))
                .address())
        .isEqualTo("127.0.0.1:7233");
  }

  @Test
  void aChosenProfileMeansAClusterAndAnUnknownOneIsAnError() throws IOException {
    Path file =
        config(
            """
            [profile.prod]
            address = "prod.example.com:7233"
            tls = true

            [profile."staging eu"]
            address = 'staging.example.com:7233'
            """);

    TemporalOptions prod = parse("--profile", "prod");
    assertThat(prod.clusterGiven(env::get, file)).isTrue();
    assertThat(prod.settings(env::get, file).usesTls()).isTrue();
    env.put("WCT_PROFILE", "staging eu");
    assertThat(parse().settings(env::get, file).address()).isEqualTo("staging.example.com:7233");
    assertThat(parse().clusterGiven(env::get, file)).isTrue();

    assertThatThrownBy(() -> parse("--profile", "nope").settings(env::get, file))
        .isInstanceOf(WctException.class)
        .hasMessage("--profile: no [profile.nope] in " + file);
  }

  @Test
  void aDefaultProfileDoesNotSendWctRunToACluster() throws IOException {
    Path file = config("[profile.default]\naddress = \"somewhere:7233\"\n");

    TemporalOptions options = parse();

    assertThat(options.clusterGiven(env::get, file)).isFalse();
    assertThat(options.settings(env::get, file).address()).isEqualTo("somewhere:7233");
  }

  @Test
  void aMistakeInTheProfileFileNamesItsLine() throws IOException {
    Path file = config("[profile.default]\naddress = \"a:1\"\napi_kee = \"x\"\n");

    assertThatThrownBy(() -> parse().settings(env::get, file))
        .isInstanceOf(WctException.class)
        .hasMessageStartingWith(file + ":3: unknown key 'api_kee'");

    Path broken = config("[profile.default]\naddress: a:1\n");
    assertThatThrownBy(() -> parse().settings(env::get, broken))
        .hasMessage(broken + ":2: expected [profile.NAME] or key = \"value\"");
  }

  @Test
  void theApiKeyIsNeverInTheSettingsTextNorInFollowUpArguments() {
    TemporalOptions options = parse("--address", "a:1", "--api-key", "s3cr3t-key");
    ConnectionSettings settings = options.settings(env::get, dir.resolve("absent.toml"));

    assertThat(settings.apiKey()).isEqualTo("s3cr3t-key");
    assertThat(settings.toString()).doesNotContain("s3cr3t-key").contains("apiKey=(set)");
    assertThat(options.givenArguments()).isEqualTo(" --address a:1").doesNotContain("s3cr3t");
  }

  @Test
  void aCertificateWithoutItsKeyIsAUsageError() {
    assertThatThrownBy(
            () ->
                parse("--address", "a:1", "--tls-cert-path", "/c.pem")
                    .settings(env::get, dir.resolve("absent.toml")))
        .isInstanceOf(WctException.class)
        .hasMessageContaining("--tls-cert-path and --tls-key-path");
  }

  @Test
  void theConfigFileIsUnderXdgConfigHomeOrWctConfig() {
    env.put("XDG_CONFIG_HOME", "/x");
    assertThat(TemporalOptions.configFile(env::get)).isEqualTo(Path.of("/x/wct/config.toml"));
    env.put("WCT_CONFIG", "/y/wct.toml");
    assertThat(TemporalOptions.configFile(env::get)).isEqualTo(Path.of("/y/wct.toml"));
  }
}

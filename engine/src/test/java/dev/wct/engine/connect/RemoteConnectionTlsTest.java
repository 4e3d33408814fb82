package dev.wct.engine.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Temporal frontend behind TLS that wants an API key, as Temporal Cloud has it: the Java test
 * server's services on a TLS port with a self-signed certificate made by keytool.
 */
class RemoteConnectionTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  @TempDir static Path dir;
  private static Path ca;
  private static TestServicesStarter services;
  private static Server frontend;
  private static final Set<String> authorizations = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void startTlsFrontend() throws Exception {
    Path keystore = dir.resolve("server.p12");
    ca = dir.resolve("ca.pem");
    keytool(
        "-genkeypair",
        "-alias",
        "frontend",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=frontend.wct.test",
        "-ext",
        "SAN=dns:frontend.wct.test",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        new String(PASSWORD));
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "frontend",
        "-keystore",
        keystore.toString(),
        "-storepass",
        new String(PASSWORD),
        "-file",
        ca.toString());
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, PASSWORD);

    services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .sslContext(GrpcSslContexts.configure(SslContextBuilder.forServer(keyManagers)).build())
            .intercept(
                new ServerInterceptor() {
                  @Override
                  public <Q, R> ServerCall.Listener<Q> interceptCall(
                      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                    String authorization = headers.get(AUTHORIZATION);
                    if (authorization != null) {
                      authorizations.add(authorization);
                    }
                    return next.startCall(call, headers);
                  }
                });
    services.getServices().forEach(builder::addService);
    frontend = builder.build().start();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    frontend.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    services.close();
  }

  @Test
  void connectsOverTlsTrustingTheGivenCaAndSendsTheApiKeyAsABearerToken() {
    ConnectionSettings settings =
        new ConnectionSettings(
            address(), "default", "wct", null, null, null, ca, "frontend.wct.test", "k-123");

    try (RemoteConnection connection = RemoteConnection.connect(settings)) {
      assertThat(connection.describeRun("wct-run-none")).isEmpty();
    }

    assertThat(authorizations).contains("Bearer k-123");
  }

  @Test
  void withoutTheCaTheServerCertificateIsRefused() {
    ConnectionSettings settings =
        new ConnectionSettings(
            address(), "default", "wct", true, null, null, null, "frontend.wct.test", null);

    assertThatThrownBy(() -> RemoteConnection.connect(settings))
        .isInstanceOf(WctException.class)
        .satisfies(e -> assertThat(((WctException) e).kind()).isEqualTo(ErrorKind.EXTERNAL))
        .hasMessageStartingWith("cannot reach Temporal at " + address() + ": ");
  }

  @Test
  void plainGrpcToATlsPortDoesNotConnect() {
    assertThatThrownBy(
            () -> RemoteConnection.connect(ConnectionSettings.plain(address(), "default", "wct")))
        .isInstanceOf(WctException.class)
        .hasMessageStartingWith("cannot reach Temporal at " + address());
  }

  @Test
  void anUnreadableCaFileIsOneLineNamingTheOption() {
    ConnectionSettings settings =
        new ConnectionSettings(
            address(), "default", "wct", null, null, null, dir.resolve("missing.pem"), null, null);

    assertThatThrownBy(() -> RemoteConnection.connect(settings))
        .isInstanceOf(WctException.class)
        .hasMessageStartingWith("--tls-ca-path: cannot read " + dir.resolve("missing.pem"));
  }

  private static String address() {
    return "127.0.0.1:" + frontend.getPort();
  }

  private static void keytool(String... args) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
  }
}

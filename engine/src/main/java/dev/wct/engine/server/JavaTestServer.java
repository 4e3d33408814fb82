package dev.wct.engine.server;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.workflows.testserver.TestServerLockLog;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's Java test server, standalone and in real time, on 127.0.0.1: what {@code wct server}
 * offers when no Temporal CLI is installed. It has no Web UI, no Schedules and no visibility
 * queries, and keeps nothing across restarts.
 */
public final class JavaTestServer implements LocalTemporal {
  private final TestServicesStarter services;
  private final Server frontend;

  private JavaTestServer(TestServicesStarter services, Server frontend) {
    this.services = services;
    this.frontend = frontend;
  }

  /** Starts it on {@code port} of 127.0.0.1 (0: any free port). */
  public static JavaTestServer start(int port) {
    // Never time skipping: standalone, workflows fail after a few dozen runs with it.
    TestServicesStarter services = new TestServicesStarter(false, 0);
    TestServerLockLog.turnOff(services);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    services.getServices().forEach(builder::addService);
    try {
      return new JavaTestServer(services, builder.build().start());
    } catch (IOException e) {
      services.close();
      throw new WctException(
          ErrorKind.EXTERNAL, "cannot serve Temporal on 127.0.0.1:" + port + ": " + e, e);
    }
  }

  @Override
  public String address() {
    return "127.0.0.1:" + frontend.getPort();
  }

  @Override
  public String description() {
    return "Temporal's Java test server on "
        + address()
        + " (no Temporal CLI found; scripts/temporal-cli builds it): no Web UI, no Schedules, no"
        + " visibility queries, nothing kept across restarts";
  }

  @Override
  public void awaitTermination() throws InterruptedException {
    frontend.awaitTermination();
  }

  @Override
  public void close() {
    frontend.shutdownNow();
    try {
      frontend.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
  }
}

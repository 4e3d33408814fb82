package dev.wct.it;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Grpc;
import io.grpc.HandlerRegistry;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;

/**
 * A TLS-terminating gRPC endpoint in front of a plaintext Temporal frontend, as Temporal Cloud or a
 * secured cluster is to a worker: it refuses any call without {@code authorization: Bearer KEY} and
 * forwards the others unchanged, counting both.
 */
final class TlsGrpcProxy implements AutoCloseable {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private final Server server;
  private final ManagedChannel backend;
  private final String expected;
  private final AtomicInteger authorized = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  private TlsGrpcProxy(KeyManagerFactory keys, String backendTarget, String apiKey)
      throws IOException {
    this.expected = "Bearer " + apiKey;
    this.backend =
        Grpc.newChannelBuilder(backendTarget, InsecureChannelCredentials.create()).build();
    this.server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .sslContext(GrpcSslContexts.configure(SslContextBuilder.forServer(keys)).build())
            .fallbackHandlerRegistry(new Forwarding())
            .build()
            .start();
  }

  static TlsGrpcProxy start(KeyManagerFactory keys, String backendTarget, String apiKey)
      throws IOException {
    return new TlsGrpcProxy(keys, backendTarget, apiKey);
  }

  String address() {
    return "127.0.0.1:" + server.getPort();
  }

  int authorizedCalls() {
    return authorized.get();
  }

  int refusedCalls() {
    return refused.get();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    backend.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  /** Every method, whatever its name, forwarded as bytes. */
  private final class Forwarding extends HandlerRegistry {
    @Override
    public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
      MethodDescriptor<byte[], byte[]> method =
          MethodDescriptor.newBuilder(BYTES, BYTES)
              .setFullMethodName(methodName)
              .setType(MethodDescriptor.MethodType.UNKNOWN)
              .build();
      return ServerMethodDefinition.create(method, new Handler(method));
    }
  }

  private final class Handler implements ServerCallHandler<byte[], byte[]> {
    private final MethodDescriptor<byte[], byte[]> method;

    Handler(MethodDescriptor<byte[], byte[]> method) {
      this.method = method;
    }

    @Override
    public ServerCall.Listener<byte[]> startCall(
        ServerCall<byte[], byte[]> call, Metadata headers) {
      if (!expected.equals(headers.get(AUTHORIZATION))) {
        refused.incrementAndGet();
        call.close(Status.UNAUTHENTICATED.withDescription("no valid API key"), new Metadata());
        return new ServerCall.Listener<byte[]>() {};
      }
      authorized.incrementAndGet();
      ClientCall<byte[], byte[]> upstream = backend.newCall(method, CallOptions.DEFAULT);
      upstream.start(
          new ClientCall.Listener<>() {
            @Override
            public void onHeaders(Metadata responseHeaders) {
              call.sendHeaders(responseHeaders);
            }

            @Override
            public void onMessage(byte[] message) {
              call.sendMessage(message);
              upstream.request(1);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
              call.close(status, trailers);
            }
          },
          headers);
      upstream.request(1);
      call.request(1);
      return new ServerCall.Listener<byte[]>() {
        @Override
        public void onMessage(byte[] message) {
          upstream.sendMessage(message);
          call.request(1);
        }

        @Override
        public void onHalfClose() {
          upstream.halfClose();
        }

        @Override
        public void onCancel() {
          upstream.cancel("cancelled by the client", null);
        }
      };
    }
  }
}

package dev.wct.worker;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import javax.net.ssl.SSLException;

/** The TLS context of the connection to Temporal: trusted authorities and, for mTLS, a key. */
final class TemporalTls {
  private TemporalTls() {}

  static SslContext sslContext(WorkerProperties.Tls tls) {
    SslContextBuilder builder = GrpcSslContexts.forClient();
    try {
      if (tls.caCert() != null && !tls.caCert().isBlank()) {
        builder.trustManager(readable(tls.caCert(), "WCT_TEMPORAL_TLS_CA_CERT"));
      }
      if (tls.mutual()) {
        builder.keyManager(
            readable(tls.clientCert(), "WCT_TEMPORAL_TLS_CLIENT_CERT"),
            readable(tls.clientKey(), "WCT_TEMPORAL_TLS_CLIENT_KEY"));
      }
      return builder.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalStateException("wct.temporal.tls: " + e.getMessage(), e);
    }
  }

  private static File readable(String path, String variable) {
    File file = new File(path);
    if (!file.canRead()) {
      throw new IllegalArgumentException(variable + ": cannot read " + path);
    }
    return file;
  }
}

package dev.wct.engine.connect;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach a Temporal frontend, in the Temporal CLI's terms. TLS is on when asked for, and by
 * default whenever a certificate, a CA, a server name or an API key is given (as the Temporal CLI
 * does); {@code tls = false} turns it off all the same.
 *
 * @param address the frontend's {@code HOST:PORT}
 * @param namespace the Temporal namespace
 * @param taskQueue the task queue wct's workers poll
 * @param tls {@code true} or {@code false} when given, null to decide from the other settings
 * @param tlsCertPath client certificate (PEM) for mutual TLS, with {@code tlsKeyPath}; may be null
 * @param tlsKeyPath the client certificate's private key (PKCS#8 PEM); may be null
 * @param tlsCaPath the CA (PEM) to trust for the server's certificate instead of the system's
 * @param tlsServerName the name the server's certificate is checked against instead of the host
 * @param apiKey sent as a bearer token on every call; never printed; may be null
 */
public record ConnectionSettings(
    String address,
    String namespace,
    String taskQueue,
    Boolean tls,
    Path tlsCertPath,
    Path tlsKeyPath,
    Path tlsCaPath,
    String tlsServerName,
    String apiKey) {
  public ConnectionSettings {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(taskQueue, "taskQueue");
    if ((tlsCertPath == null) != (tlsKeyPath == null)) {
      throw new IllegalArgumentException(
          "a TLS client certificate needs both --tls-cert-path and --tls-key-path");
    }
  }

  /** Plain gRPC to {@code address}, as a local dev server wants it. */
  public static ConnectionSettings plain(String address, String namespace, String taskQueue) {
    return new ConnectionSettings(
        address, namespace, taskQueue, null, null, null, null, null, null);
  }

  /** Whether the connection uses TLS. */
  public boolean usesTls() {
    if (tls != null) {
      return tls;
    }
    return tlsCertPath != null || tlsCaPath != null || tlsServerName != null || apiKey != null;
  }

  /** Never the API key itself: these settings end up in logs and error messages. */
  @Override
  public String toString() {
    return "ConnectionSettings[address="
        + address
        + ", namespace="
        + namespace
        + ", taskQueue="
        + taskQueue
        + ", tls="
        + usesTls()
        + ", tlsCertPath="
        + tlsCertPath
        + ", tlsKeyPath="
        + tlsKeyPath
        + ", tlsCaPath="
        + tlsCaPath
        + ", tlsServerName="
        + tlsServerName
        + ", apiKey="
        + (apiKey == null ? "none" : "(set)")
        + "]";
  }
}

package dev.wct.engine.server;

/**
 * A Temporal server running on this machine for workers and command lines on it, bound to the
 * loopback address. Closing it stops the server.
 */
public interface LocalTemporal extends AutoCloseable {
  /** The gRPC frontend, {@code 127.0.0.1:PORT}. */
  String address();

  /** One line for the person who started it: what runs where, and what it lacks. */
  String description();

  /** Blocks until the server stops by itself (or the thread is interrupted). */
  void awaitTermination() throws InterruptedException;

  @Override
  void close();
}

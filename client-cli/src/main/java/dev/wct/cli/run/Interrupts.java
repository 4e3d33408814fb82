package dev.wct.cli.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The signals that ask a command following a run on a cluster to stop: Ctrl-C ({@code INT}), a
 * service manager or a CI timeout ({@code TERM}), a closed terminal ({@code HUP}). While installed
 * they no longer end the JVM; the follower takes them one at a time and decides (detach, cancel,
 * ask). Tests {@link #deliver} them.
 */
public final class Interrupts implements AutoCloseable {
  /** A signal, by its name without {@code SIG}. */
  public enum Kind {
    INT,
    TERM,
    HUP
  }

  private final ConcurrentLinkedQueue<Kind> received = new ConcurrentLinkedQueue<>();
  private final List<Runnable> restore = new ArrayList<>();

  private Interrupts() {}

  /** Signals only as tests deliver them. */
  public static Interrupts manual() {
    return new Interrupts();
  }

  /** Catches INT, TERM and HUP until {@link #close}; a signal the JVM reserves is left alone. */
  public static Interrupts install() {
    Interrupts interrupts = new Interrupts();
    for (Kind kind : Kind.values()) {
      try {
        Signal signal = new Signal(kind.name());
        SignalHandler previous = Signal.handle(signal, s -> interrupts.deliver(kind));
        interrupts.restore.add(() -> Signal.handle(signal, previous));
      } catch (IllegalArgumentException | UnsupportedOperationException reserved) {
        // e.g. -Xrs, or no HUP on this platform: that signal keeps its default effect.
      }
    }
    return interrupts;
  }

  /** Records {@code kind} as received. */
  public void deliver(Kind kind) {
    received.add(kind);
  }

  /** The next signal received and not yet taken. */
  public Optional<Kind> next() {
    return Optional.ofNullable(received.poll());
  }

  /** Gives the signals their previous handlers back. */
  @Override
  public void close() {
    restore.forEach(Runnable::run);
    restore.clear();
  }
}

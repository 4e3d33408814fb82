package dev.wct.workflows.testserver;

import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.internal.testservice.TestWorkflowService;
import io.temporal.testing.TestWorkflowEnvironment;
import java.lang.reflect.Field;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns off the log of time-skipping locks that Temporal's Java test server keeps for its own
 * debugging (1.38.0, {@code SelfAdvancingTimerImpl.lockEvents}). Every update of every workflow
 * adds entries that are never removed, and every update searches the whole log from its start to
 * drop its own entry. A server that has run N activities therefore searches about 4N entries on
 * each new step and holds them all in memory, however long it runs: a long scan on the embedded
 * server, or a {@code wct server} running scheduled scans.
 *
 * <p>The log is only ever read to describe unbalanced locks in an error message; the lock count
 * that time skipping depends on is kept apart from it and is untouched. The swap happens under the
 * timer's own lock, which guards every use of the log. If a later Temporal release renames these
 * fields, the server runs as it is and one warning says so.
 *
 * <p>Here rather than in {@code engine}, which embeds the server, so that the workflow tests can
 * turn it off too: their 100,000-partition run spent most of its time searching this log.
 */
public final class TestServerLockLog {
  private static final Logger log = LoggerFactory.getLogger(TestServerLockLog.class);

  private TestServerLockLog() {}

  /** Turns the log off in the in-process server of {@code environment}. */
  public static void turnOff(TestWorkflowEnvironment environment) {
    try {
      turnOff((TestWorkflowService) read(environment, "service"));
    } catch (ReflectiveOperationException | RuntimeException e) {
      warn(e);
    }
  }

  /** Turns the log off in a standalone test server's services. */
  public static void turnOff(TestServicesStarter services) {
    try {
      turnOff(services.getWorkflowService());
    } catch (ReflectiveOperationException | RuntimeException e) {
      warn(e);
    }
  }

  /** How many entries the log of {@code environment}'s server holds now: what its tests check. */
  public static int entries(TestWorkflowEnvironment environment)
      throws ReflectiveOperationException {
    Object timer = read(read(environment, "service"), "selfAdvancingTimer");
    Lock lock = (Lock) read(timer, "lock");
    lock.lock();
    try {
      return ((List<?>) read(timer, "lockEvents")).size();
    } finally {
      lock.unlock();
    }
  }

  private static void turnOff(TestWorkflowService service) throws ReflectiveOperationException {
    Object timer = read(service, "selfAdvancingTimer");
    Lock lock = (Lock) read(timer, "lock");
    lock.lock();
    try {
      Field events = field(timer, "lockEvents");
      events.set(timer, new NoEntries());
    } finally {
      lock.unlock();
    }
  }

  private static Object read(Object owner, String name) throws ReflectiveOperationException {
    return field(owner, name).get(owner);
  }

  private static Field field(Object owner, String name) throws NoSuchFieldException {
    Field field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  private static void warn(Exception e) {
    log.warn(
        "Temporal test server: its lock log stays on ({}); it will slow down with every step it runs",
        e.toString());
  }

  /**
   * Accepts entries without keeping them, and finds every entry it is asked to remove, as the log
   * it replaces would have.
   */
  private static final class NoEntries extends LinkedList<Object> {
    @Override
    public boolean add(Object entry) {
      return true;
    }

    @Override
    public boolean remove(Object entry) {
      return true;
    }
  }
}

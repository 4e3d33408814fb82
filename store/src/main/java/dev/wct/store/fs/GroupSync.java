package dev.wct.store.fs;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Group commit for directory syncs: activities that publish into one directory at the same time
 * share one fsync of it instead of queueing one each. A caller returns only after a sync that
 * <em>started</em> after its call began, so every rename or link it made before calling is durable,
 * exactly as with a sync of its own; while one sync runs, the callers that arrive wait and the next
 * sync covers them all.
 */
final class GroupSync {
  private final Consumer<Path> sync;
  private final ConcurrentHashMap<Path, Group> groups = new ConcurrentHashMap<>();

  GroupSync(Consumer<Path> sync) {
    this.sync = sync;
  }

  /** Returns once everything done in {@code directory} before this call is synced. */
  void sync(Path directory) {
    Group group =
        groups.compute(
            directory,
            (key, existing) -> {
              Group joined = existing == null ? new Group() : existing;
              joined.users++;
              return joined;
            });
    try {
      group.await(directory);
    } finally {
      groups.computeIfPresent(
          directory, (key, existing) -> --existing.users == 0 ? null : existing);
    }
  }

  private final class Group {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition synced = lock.newCondition();
    private int users; // changed only inside the map's compute for this key
    private long requested;
    private long completed;
    private boolean running;

    void await(Path directory) {
      lock.lock();
      try {
        long ticket = ++requested;
        while (completed < ticket) {
          if (running) {
            synced.awaitUninterruptibly();
            continue;
          }
          running = true;
          long covers = requested;
          lock.unlock();
          try {
            sync.accept(directory);
          } finally {
            lock.lock();
            running = false;
            completed = Math.max(completed, covers);
            synced.signalAll();
          }
        }
      } finally {
        lock.unlock();
      }
    }
  }
}

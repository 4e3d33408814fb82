package dev.wct.store.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * Empty private temp files created ahead of time in one folder, so that a save takes one instead of
 * creating it: on a busy ext4 disk, creating a file (its inode) costs far more than writing a few
 * hundred bytes into one, and a helper thread can pay for it off the producer's path. A spare is an
 * ordinary invisible temp file ({@code .spare.{uuid}.tmp}): written, then linked or renamed into
 * place like any other; one left by a crash is removed with the other stale temp files.
 */
final class SpareFiles {
  private final Path dir;
  private final int size;
  private final Executor executor;
  private final Deque<Path> ready = new ArrayDeque<>();
  private boolean refilling;
  private boolean closed;

  SpareFiles(Path dir, int size, Executor executor) {
    this.dir = dir;
    this.size = size;
    this.executor = executor;
  }

  /** A spare that is now the caller's, or null when none is ready; starts a refill if needed. */
  synchronized Path take() {
    Path spare = ready.poll();
    if (!closed && !refilling && ready.size() < size) {
      refilling = true;
      executor.execute(this::refill);
    }
    return spare;
  }

  private void refill() {
    try {
      while (true) {
        synchronized (this) {
          if (closed || ready.size() >= size) {
            return;
          }
        }
        Path spare = DurableFiles.spareFileIn(dir);
        try {
          DurableFiles.createTemp(spare).close();
        } catch (IOException e) {
          return; // the folder is gone or full: saves create their own temp files
        }
        synchronized (this) {
          if (closed) {
            DurableFiles.deleteQuietly(spare);
            return;
          }
          ready.add(spare);
        }
      }
    } finally {
      synchronized (this) {
        refilling = false;
        notifyAll();
      }
    }
  }

  /** Deletes the spares not taken, after any refill under way has stopped. */
  synchronized void close() {
    closed = true;
    boolean interrupted = false;
    while (refilling) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    ready.forEach(DurableFiles::deleteQuietly);
    ready.clear();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}

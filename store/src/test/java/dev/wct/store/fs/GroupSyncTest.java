package dev.wct.store.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupSyncTest {
  private static final Path DIR = Path.of("/store/runs/r/artifacts");

  @Test
  void callersArrivingDuringASyncShareTheNextOneAndNoneReturnsBeforeASyncThatStartedAfterIt()
      throws Exception {
    AtomicLong clock = new AtomicLong();
    List<long[]> syncs = new ArrayList<>(); // {start, end} in clock ticks
    CountDownLatch firstSyncRunning = new CountDownLatch(1);
    CountDownLatch releaseFirstSync = new CountDownLatch(1);
    GroupSync group =
        new GroupSync(
            directory -> {
              long start = clock.incrementAndGet();
              if (firstSyncRunning.getCount() > 0) {
                firstSyncRunning.countDown();
                await(releaseFirstSync);
              }
              synchronized (syncs) {
                syncs.add(new long[] {start, clock.incrementAndGet()});
              }
            });
    List<Thread> threads = new ArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            9,
            task -> {
              Thread thread = new Thread(task);
              synchronized (threads) {
                threads.add(thread);
              }
              return thread;
            });
    try {
      Future<long[]> first = pool.submit(() -> call(group, clock));
      firstSyncRunning.await();
      List<Future<long[]>> waiting = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        waiting.add(pool.submit(() -> call(group, clock)));
      }
      waitUntilBlocked(threads, 9); // the first inside the sync, the eight behind it
      releaseFirstSync.countDown();
      List<long[]> calls = new ArrayList<>(List.of(first.get()));
      for (Future<long[]> call : waiting) {
        calls.add(call.get());
      }

      assertThat(syncs).as("one sync for the first caller, one for the eight behind it").hasSize(2);
      for (long[] call : calls) {
        assertThat(syncs)
            .as("a sync started after the call began and ended before it returned")
            .anySatisfy(sync -> assertThat(sync[0] > call[0] && sync[1] < call[1]).isTrue());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLoneCallerSyncsEveryTimeAndDirectoriesDoNotShare() {
    AtomicInteger count = new AtomicInteger();
    GroupSync group = new GroupSync(directory -> count.incrementAndGet());

    group.sync(DIR);
    group.sync(DIR);
    group.sync(DIR.resolveSibling("_system"));

    assertThat(count).hasValue(3);
  }

  private static long[] call(GroupSync group, AtomicLong clock) {
    long start = clock.incrementAndGet();
    group.sync(DIR);
    return new long[] {start, clock.incrementAndGet()};
  }

  private static void waitUntilBlocked(List<Thread> threads, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      synchronized (threads) {
        if (threads.size() == count
            && threads.stream()
                .allMatch(
                    t ->
                        t.getState() == Thread.State.WAITING
                            || t.getState() == Thread.State.TIMED_WAITING)) {
          return;
        }
      }
      Thread.sleep(10);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

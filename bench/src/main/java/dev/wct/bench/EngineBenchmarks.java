package dev.wct.bench;

import dev.wct.bench.measure.SplitArtifactStore;
import dev.wct.store.ArtifactStore;
import dev.wct.store.fs.FileSystemArtifactStore;
import dev.wct.store.fs.SyncPolicy;
import dev.wct.store.memory.InMemoryArtifactStore;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the engine benchmarks on one embedded Temporal service and prints a Markdown report (also
 * written to {@code bench.out}). Settings, as system properties:
 *
 * <ul>
 *   <li>{@code bench.only}: {@code overhead}, {@code makespan} or {@code all} (default)
 *   <li>{@code bench.count}: artifacts per overhead run (500)
 *   <li>{@code bench.rounds}: measured rounds (5); {@code bench.warmups}: warm-up rounds (1)
 *   <li>{@code bench.seed}: seed of the skewed DAG (42)
 *   <li>{@code bench.store}: {@code memory} (default: orchestration only), {@code fs} (a
 *       FileSystemArtifactStore in a temporary directory, synced per artifact as on a Temporal
 *       cluster), {@code fs-per-run} (the same synced once per run, what {@code wct run} writes
 *       with) or {@code fs-records-in-memory} (artifacts on disk, run records in memory: what the
 *       records cost); the temporary directory is under {@code java.io.tmpdir}, so {@code
 *       -Djava.io.tmpdir=DIR} puts the store on another file system
 *   <li>{@code bench.out}: report file ({@code target/engine-benchmarks.md})
 * </ul>
 */
public final class EngineBenchmarks {
  private EngineBenchmarks() {}

  public static void main(String[] args) throws IOException {
    String only = System.getProperty("bench.only", "all");
    int count = Integer.getInteger("bench.count", 500);
    int rounds = Integer.getInteger("bench.rounds", 5);
    int warmups = Integer.getInteger("bench.warmups", 1);
    long seed = Long.getLong("bench.seed", 42L);
    String storeKind = System.getProperty("bench.store", "memory");
    Path out = Path.of(System.getProperty("bench.out", "target/engine-benchmarks.md"));
    if (!List.of("all", "overhead", "makespan").contains(only)) {
      throw new IllegalArgumentException(
          "bench.only must be all, overhead or makespan, not '" + only + "'");
    }

    PrintStream progress = System.out;
    Path workDir = Files.createTempDirectory("wct-bench-");
    Report report = new Report();
    report.line(
        "- Date: %s; JVM: %s %s; %d processors; store: %s; %d warm-up + %d measured rounds.",
        Instant.now().truncatedTo(ChronoUnit.SECONDS),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        describe(storeKind, workDir),
        warmups,
        rounds);
    report.line("- Load average at start: %.1f", loadAverage());
    try (BenchEngine engine = new BenchEngine(store(storeKind, workDir), workDir)) {
      if (!only.equals("makespan")) {
        report.line("");
        report.line("### Orchestration overhead per artifact (%d no-op artifacts)", count);
        report.overhead(OverheadBenchmark.run(engine, count, warmups, rounds, progress));
      }
      if (!only.equals("overhead")) {
        report.line("");
        report.line("### Makespan of a skewed DAG");
        report.makespan(MakespanBenchmark.run(engine, seed, warmups, rounds, progress));
      }
    } finally {
      deleteRecursively(workDir);
    }
    report.line("");
    report.line("- Load average at end: %.1f", loadAverage());
    String text = report.toString();
    progress.println();
    progress.print(text);
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(out, text);
    progress.println("report written to " + out.toAbsolutePath());
  }

  private static ArtifactStore store(String kind, Path workDir) {
    return switch (kind) {
      case "memory" -> new InMemoryArtifactStore();
      case "fs" -> new FileSystemArtifactStore(workDir.resolve("store"));
      case "fs-per-run" ->
          new FileSystemArtifactStore(workDir.resolve("store"), SyncPolicy.PER_RUN);
      case "fs-records-in-memory" ->
          new SplitArtifactStore(
              new FileSystemArtifactStore(workDir.resolve("store")), new InMemoryArtifactStore());
      default ->
          throw new IllegalArgumentException(
              "bench.store must be memory, fs, fs-per-run or fs-records-in-memory, not '"
                  + kind
                  + "'");
    };
  }

  private static String describe(String storeKind, Path workDir) throws IOException {
    String described =
        switch (storeKind) {
          case "fs" -> "FileSystemArtifactStore in a temporary directory, synced per artifact";
          case "fs-per-run" ->
              "FileSystemArtifactStore in a temporary directory, synced per run, artifacts up to"
                  + " 32 KiB packed into the run's journal (wct run's default)";
          case "fs-records-in-memory" ->
              "artifacts in a FileSystemArtifactStore, run records in memory (experiment)";
          default -> "InMemoryArtifactStore";
        };
    if (storeKind.equals("memory")) {
      return described;
    }
    // what a file costs to create differs by file system: the report says which one it was
    FileStore fileStore = Files.getFileStore(workDir);
    return described + " (" + workDir + ", " + fileStore.type() + " on " + fileStore.name() + ")";
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}

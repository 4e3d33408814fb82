package dev.wct.engine;

import static dev.wct.testkit.components.TestComponents.connector;
import static dev.wct.testkit.components.TestComponents.items;
import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.run.RunStatus;
import dev.wct.engine.retry.RetryPlan;
import dev.wct.spi.Connector;
import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.fs.FileSystemArtifactStore;
import dev.wct.store.fs.SyncPolicy;
import dev.wct.workflows.run.RunResult;
import dev.wct.workflows.run.RunbookWorkerOptions;
import dev.wct.workflows.run.RunbookWorkflowImpl;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on a folder store that syncs once per run (what {@code wct run} uses), whose process died
 * before the run's end could sync it, followed by a power loss that zeroed one artifact's bytes but
 * kept its name, size and time: a retry finds the artifact changed by its checksum and produces it
 * again instead of reusing it.
 */
class UnsyncedRunRetryTest {
  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(RunbookWorkflowImpl.class)
          .setWorkerOptions(RunbookWorkerOptions.workerOptions())
          .setDoNotStart(true)
          .build();

  @TempDir Path root;

  @Test
  void anArtifactTornAfterItsRunNeverSyncedIsProducedAgainByARetry(
      TestWorkflowEnvironment env, Worker worker) throws IOException {
    // enough rows for a checksum sidecar, which the torn file's metadata still matches
    RunResult first = failedRunCopyingRows(env, worker, 5_000);
    Path torn = root.resolve("runs").resolve(first.runId()).resolve("artifacts/copy_a.json");
    assertThat(torn.resolveSibling("copy_a.json.sha256")).exists();
    zeroInPlace(torn);

    FileSystemArtifactStore afterReboot = new FileSystemArtifactStore(root, SyncPolicy.PER_RUN);
    RetryPlan retry = RetryPlan.of(afterReboot, first.runId());

    assertThat(retry.produced()).containsExactly("b", "copy_a");
    assertThat(retry.reused()).extracting(outcome -> outcome.id()).containsExactly("a", "c");
  }

  @Test
  void aPackedArtifactTornAfterItsRunNeverSyncedIsProducedAgainByARetry(
      TestWorkflowEnvironment env, Worker worker) throws IOException {
    RunResult first = failedRunCopyingRows(env, worker, 3);
    Path runDir = root.resolve("runs").resolve(first.runId());
    assertThat(runDir.resolve("artifacts/copy_a.json")).doesNotExist();
    // a power loss zeroed the content of the artifact's entry in the run's record journal
    Path journal = runDir.resolve("_system/.records");
    byte[] entries = Files.readAllBytes(journal);
    String text = new String(entries, StandardCharsets.ISO_8859_1);
    String name = ".artifact/copy_a\n";
    int content = text.indexOf(name) + name.length();
    assertThat(content).isGreaterThan(name.length());
    int header = text.lastIndexOf('\u001e', content);
    int length = Integer.parseInt(text.substring(header + 1, text.indexOf(' ', header)));
    java.util.Arrays.fill(entries, content, content + length, (byte) 0);
    Files.write(journal, entries);

    RetryPlan retry =
        RetryPlan.of(new FileSystemArtifactStore(root, SyncPolicy.PER_RUN), first.runId());

    assertThat(retry.produced()).containsExactly("b", "copy_a");
    assertThat(retry.reused()).extracting(outcome -> outcome.id()).containsExactly("a", "c");
  }

  @Test
  void anArtifactWhoseCoverageRecordIsTornIsProducedAgainByARetry(
      TestWorkflowEnvironment env, Worker worker) throws IOException {
    Engine engine =
        engineThatDiesBeforeItsRunsEnd(
            env,
            worker,
            connector(
                "covered",
                (context, properties, out) -> {
                  context.coverage().scanned("crm.db");
                  items("row", 2).extract(context, properties, out);
                }));
    RunResult first =
        engine.run(
            plan()
                .retention(true, null)
                .source("a", "covered", null)
                .source("b", "broken", null)
                .build());
    // a power loss zeroed the content of the coverage record's entry in the run's record journal
    Path journal = root.resolve("runs").resolve(first.runId()).resolve("_system/.records");
    byte[] entries = Files.readAllBytes(journal);
    String text = new String(entries, StandardCharsets.ISO_8859_1);
    int content = text.indexOf("coverage/a.json\n") + "coverage/a.json\n".length();
    assertThat(content).isGreaterThan("coverage/a.json\n".length());
    java.util.Arrays.fill(entries, content, text.indexOf('\n', content), (byte) 0);
    Files.write(journal, entries);

    RetryPlan retry = RetryPlan.of(new FileSystemArtifactStore(root), first.runId());

    assertThat(retry.produced()).containsExactly("a", "b");
  }

  /**
   * A run whose process dies before the run ends: sources {@code a} and {@code c} read {@code rows}
   * rows, {@code copy_a} copies {@code a}, and source {@code b} fails.
   */
  private RunResult failedRunCopyingRows(TestWorkflowEnvironment env, Worker worker, int rows) {
    Engine engine =
        engineThatDiesBeforeItsRunsEnd(env, worker, connector("rows", items("row", rows)));
    ExecutionPlan plan =
        plan()
            .retention(true, null)
            .source("a", "rows", null)
            .source("c", "rows", null)
            .source("b", "broken", null)
            .passThrough("copy_a", "a")
            .build();
    RunResult first = engine.run(plan);
    assertThat(first.status()).isEqualTo(RunStatus.FAILED);
    return first;
  }

  /**
   * An engine on a folder store that is never synced, with {@code source} and a source type {@code
   * broken} that always fails.
   */
  private Engine engineThatDiesBeforeItsRunsEnd(
      TestWorkflowEnvironment env, Worker worker, Connector source) {
    return new Engine(
        env,
        worker,
        List.of(
            source,
            connector(
                "broken",
                (context, properties, out) -> {
                  throw WctException.user("database file 'crm.db' does not exist");
                })),
        List.of(),
        Map.of(),
        diesBeforeItsRunEnds(new FileSystemArtifactStore(root, SyncPolicy.PER_RUN)));
  }

  /** The store as a process that dies before the end of its run uses it: never synced. */
  private static ArtifactStore diesBeforeItsRunEnds(ArtifactStore store) {
    return (ArtifactStore)
        Proxy.newProxyInstance(
            ArtifactStore.class.getClassLoader(),
            new Class<?>[] {ArtifactStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("syncRun") || method.getName().equals("close")) {
                return null;
              }
              try {
                return method.invoke(store, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static void zeroInPlace(Path file) throws IOException {
    FileTime modified = Files.getLastModifiedTime(file);
    long size = Files.size(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.allocate((int) size), 0);
    }
    Files.setLastModifiedTime(file, modified);
  }
}

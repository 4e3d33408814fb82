package dev.wct.cli.remote;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.activities.worker.WctWorkers;
import dev.wct.cli.Wct;
import dev.wct.cli.context.CliContext;
import dev.wct.cli.run.SlowSource;
import dev.wct.spi.Analyser;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.Connector;
import dev.wct.store.fs.FileSystemArtifactStore;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Separate JVMs for the end-to-end tests: a wct worker polling a Temporal frontend, and the wct
 * command line, both with every component plus {@link SlowSource} ({@code test_slow}), so that a
 * run lasts long enough to be cancelled or left.
 */
final class ClusterProcesses {
  private ClusterProcesses() {}

  static ComponentCatalog catalog() {
    ComponentCatalog discovered = ComponentCatalog.discover();
    List<Connector> connectors = new ArrayList<>(discovered.connectors().values());
    connectors.add(new SlowSource());
    List<Analyser> analysers = new ArrayList<>(discovered.analysers().values());
    return ComponentCatalog.of(connectors, analysers);
  }

  static CliContext context() {
    return new CliContext(catalog(), CliContext.discover().rulesets());
  }

  /** A process running {@code main} of {@code type} with this test's class path. */
  static Process start(Class<?> type, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(type.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    return builder.start();
  }

  /** Copies a stream's lines into a list as they come, on a daemon thread. */
  static List<String> collect(java.io.InputStream stream, String name) {
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException closed) {
                // the process ended
              }
            },
            name);
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  /** A worker: {@code ADDRESS STORE_DIR}; prints "worker ready" once it polls. */
  static final class Worker {
    public static void main(String[] args) throws InterruptedException {
      WorkflowServiceStubs service =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(args[0]).build());
      WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
      WctWorkers.register(
          factory.newWorker(WctWorkers.TASK_QUEUE, WctWorkers.WORKER_OPTIONS),
          new ProducerEnvironment(
              new FileSystemArtifactStore(Path.of(args[1])),
              catalog(),
              System::getenv,
              Path.of("").toAbsolutePath()));
      factory.start();
      System.out.println("worker ready");
      System.out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(factory::shutdownNow));
      new java.util.concurrent.CountDownLatch(1).await(); // until the test stops this process
    }
  }

  /** The wct command line, as {@code wct} runs it. */
  static final class Cli {
    public static void main(String[] args) {
      PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
      PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
      System.exit(Wct.createCommandLine(out, err, context()).execute(args));
    }
  }
}

package dev.wct.worker;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.activities.worker.WctWorkers;
import dev.wct.spi.ComponentCatalog;
import dev.wct.store.ArtifactStore;
import dev.wct.store.ArtifactStores;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Temporal connection, the artifact store and the worker, with the worker's metrics and
 * the readiness checks of both connections.
 */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

  /** How often the Temporal SDK's metrics reach the Micrometer registry that Prometheus scrapes. */
  static final Duration METRICS_REPORT_INTERVAL = Duration.ofSeconds(1);

  /**
   * The Temporal SDK's metrics (requests, polls, activity and workflow latencies) in Micrometer.
   */
  @Bean(destroyMethod = "close")
  Scope temporalMetricsScope(MeterRegistry registry) {
    return new RootScopeBuilder()
        .reporter(new MicrometerClientStatsReporter(registry))
        .reportEvery(com.uber.m3.util.Duration.ofMillis(METRICS_REPORT_INTERVAL.toMillis()));
  }

  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs workflowServiceStubs(
      WorkerProperties properties, Scope temporalMetricsScope) {
    WorkerProperties.Temporal temporal = properties.temporal();
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(temporal.target())
            .setMetricsScope(temporalMetricsScope);
    if (temporal.hasApiKey()) {
      // Read from the environment each call, never logged: `authorization: Bearer <key>`.
      options.addApiKey(temporal::apiKey);
    }
    if (temporal.tls().enabled() || temporal.hasApiKey()) {
      options.setSslContext(TemporalTls.sslContext(temporal.tls()));
    }
    return WorkflowServiceStubs.newServiceStubs(options.build());
  }

  @Bean
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, WorkerProperties properties) {
    return WorkflowClient.newInstance(
        stubs,
        WorkflowClientOptions.newBuilder().setNamespace(properties.temporal().namespace()).build());
  }

  @Bean(destroyMethod = "close")
  ArtifactStore artifactStore(WorkerProperties properties) {
    WorkerProperties.Store store = properties.store();
    return ArtifactStores.open(store.location(), store.settings());
  }

  @Bean
  ProducerActivityObserver producerActivityObserver(MeterRegistry registry) {
    return new ProducerActivityObserver(registry);
  }

  @Bean
  ProducerEnvironment producerEnvironment(ArtifactStore store, ProducerActivityObserver observer) {
    // Secrets for ${VAR} placeholders come from this process's environment and stay here.
    return new ProducerEnvironment(
        store, ComponentCatalog.discover(), System::getenv, Path.of("").toAbsolutePath(), observer);
  }

  @Bean
  WorkerFactory workerFactory(
      WorkflowClient client,
      ProducerEnvironment environment,
      WorkerProperties properties,
      ProducerActivityObserver observer) {
    WorkerFactory factory =
        WorkerFactory.newInstance(
            client, WorkerFactoryOptions.newBuilder().setWorkerInterceptors(observer).build());
    WorkerProperties.Worker limits = properties.worker();
    WctWorkers.register(
        factory.newWorker(
            properties.temporal().taskQueue(),
            WorkerOptions.newBuilder(WctWorkers.WORKER_OPTIONS)
                .setMaxConcurrentActivityExecutionSize(limits.maxConcurrentActivities())
                .setMaxConcurrentWorkflowTaskExecutionSize(limits.maxConcurrentWorkflowTasks())
                .build()),
        environment);
    return factory;
  }

  /** In the readiness group: the frontend answers and the namespace exists. */
  @Bean
  TemporalHealthIndicator temporalHealthIndicator(
      WorkflowServiceStubs stubs, WorkerProperties properties) {
    return new TemporalHealthIndicator(
        stubs, properties.temporal().namespace(), TemporalHealthIndicator.DEADLINE);
  }

  /** In the readiness group: the store takes a probe record and gives it back. */
  @Bean
  StoreHealthIndicator storeHealthIndicator(ArtifactStore store) {
    return new StoreHealthIndicator(store);
  }

  /** Starts polling once Temporal and the store answer; stops gracefully. */
  @Bean
  WorkerLifecycle workerLifecycle(
      WorkerFactory factory,
      WorkerProperties properties,
      TemporalHealthIndicator temporal,
      StoreHealthIndicator store) {
    return new WorkerLifecycle(
        factory,
        properties,
        List.of(
            new WorkerLifecycle.Dependency("temporal", temporal::describe),
            new WorkerLifecycle.Dependency("store", store::probe)));
  }

  /** In the readiness group: the worker polls its task queue. */
  @Bean
  WorkerHealthIndicator workerHealthIndicator(WorkerLifecycle lifecycle) {
    return new WorkerHealthIndicator(lifecycle);
  }
}

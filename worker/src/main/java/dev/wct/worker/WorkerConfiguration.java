package dev.wct.worker;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.activities.worker.WctWorkers;
import dev.wct.spi.ComponentCatalog;
import dev.wct.store.ArtifactStore;
import dev.wct.store.ArtifactStores;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Temporal connection, the artifact store and the worker. */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs workflowServiceStubs(WorkerProperties properties) {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(properties.temporal().target()).build());
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
  ProducerEnvironment producerEnvironment(ArtifactStore store) {
    // Secrets for ${VAR} placeholders come from this process's environment and stay here.
    return new ProducerEnvironment(
        store, ComponentCatalog.discover(), System::getenv, Path.of("").toAbsolutePath());
  }

  @Bean
  WorkerFactory workerFactory(
      WorkflowClient client, ProducerEnvironment environment, WorkerProperties properties) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    WctWorkers.register(
        factory.newWorker(properties.temporal().taskQueue(), WctWorkers.WORKER_OPTIONS),
        environment);
    return factory;
  }

  @Bean
  WorkerLifecycle workerLifecycle(WorkerFactory factory, WorkerProperties properties) {
    return new WorkerLifecycle(factory, properties);
  }
}

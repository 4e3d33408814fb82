package dev.wct.worker;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.activities.worker.WctWorkers;
import dev.wct.spi.ComponentCatalog;
import dev.wct.store.ArtifactStore;
import dev.wct.store.fs.FileSystemArtifactStore;
import dev.wct.store.s3.S3ArtifactStore;
import dev.wct.store.s3.S3Encryption;
import dev.wct.store.s3.S3StoreConfig;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.net.URI;
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
    if (!store.usesS3()) {
      return new FileSystemArtifactStore(Path.of(store.dir()));
    }
    WorkerProperties.S3 s3 = store.s3();
    S3StoreConfig config = S3StoreConfig.of(s3.bucket(), s3.prefix()).withRegion(s3.region());
    if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
      config = config.withEndpoint(URI.create(s3.endpoint()));
    }
    if (s3.sse() != null && !s3.sse().isBlank()) {
      config = config.withEncryption(S3Encryption.parse(s3.sse()), s3.kmsKeyId());
    } else if (s3.kmsKeyId() != null && !s3.kmsKeyId().isBlank()) {
      throw new IllegalArgumentException(
          "wct.store.s3.kms-key-id: a KMS key id needs wct.store.s3.sse: kms");
    }
    return S3ArtifactStore.open(config);
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

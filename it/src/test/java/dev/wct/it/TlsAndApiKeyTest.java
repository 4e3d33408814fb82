package dev.wct.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wct.core.planner.Planner;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.engine.RunHandle;
import dev.wct.engine.RunLauncher;
import dev.wct.spi.ComponentCatalog;
import dev.wct.store.ArtifactStore;
import dev.wct.store.s3.S3ArtifactStore;
import dev.wct.store.s3.S3StoreConfig;
import dev.wct.workflows.run.RunOptions;
import dev.wct.workflows.run.RunResult;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker reaches Temporal over TLS with an API key, as it reaches Temporal Cloud: a local
 * TLS-terminating gRPC endpoint with a self-signed certificate checks the key and forwards to the
 * dev server. The worker with the key becomes ready and runs a run; one with a wrong key is refused
 * and stays not ready.
 */
@Tag("integration")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class TlsAndApiKeyTest {
  private static final String API_KEY = "wct-it-api-key-7f3a";

  @TempDir Path workDir;

  @Test
  void aWorkerWithTheApiKeyWorksOverTlsAndOneWithAWrongKeyIsRefused() throws Exception {
    assumeTrue(
        TemporalServer.binary().isPresent(), "no Temporal CLI (scripts/temporal-cli builds it)");
    Jars.worker();
    SelfSignedCertificate certificate = SelfSignedCertificate.create(workDir);
    Path components = ComponentFolder.create(workDir);
    try (S3Server s3 = S3Server.start();
        TemporalServer temporal =
            TemporalServer.start(TemporalServer.binary().get(), workDir.resolve("temporal.db"));
        TlsGrpcProxy proxy = TlsGrpcProxy.start(certificate.keys(), temporal.address(), API_KEY);
        WorkerProcess good =
            WorkerProcess.start(
                "tls-worker", components, workDir, tls(proxy, s3, certificate, API_KEY));
        WorkerProcess wrong =
            WorkerProcess.start(
                "wrong-key-worker",
                components,
                workDir,
                tls(proxy, s3, certificate, "not-the-key"))) {
      System.out.println("  TLS endpoint with API key check on " + proxy.address());
      good.awaitReady(Duration.ofSeconds(180));
      System.out.println(
          "  the worker with the key is ready through TLS: "
              + proxy.authorizedCalls()
              + " calls authorized");
      assertThat(proxy.authorizedCalls()).isPositive();

      HttpResponse<String> refused = awaitRefusal(wrong, Duration.ofSeconds(180));
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.body()).contains("UNAUTHENTICATED");
      assertThat(proxy.refusedCalls()).isPositive();
      System.out.println(
          "  the worker with a wrong key is not ready: "
              + proxy.refusedCalls()
              + " calls refused (UNAUTHENTICATED)");
      assertThat(good.log() + wrong.log()).doesNotContain(API_KEY).doesNotContain("not-the-key");

      RunResult result = runThroughTheWorker(temporal, s3);
      System.out.println("  a run submitted to the dev server completed on the TLS worker");
      assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(result.idsIn(ArtifactState.SUCCEEDED)).containsExactly("slow");
    }
  }

  /** The wrong-key worker's readiness once it has tried Temporal at least once. */
  private static HttpResponse<String> awaitRefusal(WorkerProcess worker, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> readiness = worker.get("/actuator/health/readiness");
        if (readiness.body().contains("UNAUTHENTICATED")) {
          return readiness;
        }
      } catch (IOException notListeningYet) {
        // The management port opens some seconds after the process starts.
      }
      Thread.sleep(250);
    }
    return worker.get("/actuator/health/readiness");
  }

  private static Map<String, String> tls(
      TlsGrpcProxy proxy, S3Server s3, SelfSignedCertificate certificate, String apiKey) {
    Map<String, String> environment = new HashMap<>(WorkerProcess.environment(proxy.address(), s3));
    environment.put("WCT_TEMPORAL_API_KEY", apiKey);
    environment.put("WCT_TEMPORAL_TLS_CA_CERT", certificate.pem().toString());
    environment.put("WCT_STARTUP_RETRY_MAX", "2s");
    return environment;
  }

  private RunResult runThroughTheWorker(TemporalServer temporal, S3Server s3) throws Exception {
    Path runbook = workDir.resolve("one.yaml");
    Files.writeString(
        runbook,
        """
        name: One slow source
        description: A run for the worker behind TLS
        config:
          keep_sources: true
        artifacts:
          slow:
            source:
              type: slow_test_source
              properties:
                items: 2
                delay_ms: 10
            output: true
        """);
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address()).build());
    try (ArtifactStore store =
        S3ArtifactStore.open(
            S3StoreConfig.of(S3Server.BUCKET, "")
                .withEndpoint(s3.endpoint())
                .withCredentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY))) {
      RunHandle run =
          new RunLauncher(WorkflowClient.newInstance(service), store)
              .start(
                  new Planner(ComponentCatalog.discover()).plan(runbook),
                  "one.yaml",
                  RunOptions.DEFAULT);
      return run.awaitResult();
    } finally {
      service.shutdownNow();
    }
  }
}

package dev.wct.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wct server}'s two servers answer on loopback; the dev server knows wct's attributes. */
class LocalTemporalTest {
  @TempDir Path dir;

  @Test
  void theJavaTestServerAnswersOnLoopback() {
    try (JavaTestServer server = JavaTestServer.start(0)) {
      assertThat(server.address()).startsWith("127.0.0.1:");
      WorkflowServiceStubs service = stubs(server.address());
      try {
        assertThat(
                service
                    .blockingStub()
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance())
                    .hasCapabilities())
            .isTrue();
      } finally {
        service.shutdownNow();
      }
      assertThat(server.description()).contains("no Web UI");
    }
  }

  /** Runs where the Temporal CLI is installed; .ci/run builds it with scripts/temporal-cli. */
  @Test
  void theDevServerRegistersWctsSearchAttributesAndKeepsItsDatabase() throws Exception {
    Optional<Path> binary = DevServer.findBinary();
    assumeTrue(binary.isPresent(), "no Temporal CLI (scripts/temporal-cli builds it)");
    Path database = dir.resolve("store/temporal.db");

    try (DevServer server = DevServer.start(binary.get(), freePort(), freePort(), database)) {
      OperatorServiceStubs operator =
          OperatorServiceStubs.newServiceStubs(
              OperatorServiceStubsOptions.newBuilder()
                  .setTarget(server.address())
                  .validateAndBuildWithDefaults());
      try {
        Map<String, IndexedValueType> attributes =
            operator
                .blockingStub()
                .listSearchAttributes(
                    ListSearchAttributesRequest.newBuilder().setNamespace("default").build())
                .getCustomAttributesMap();
        assertThat(attributes)
            .containsEntry("WctRunbook", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
            .containsEntry("WctStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
            .containsEntry("WctFailedArtifacts", IndexedValueType.INDEXED_VALUE_TYPE_INT)
            .containsEntry("WctSchedule", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      } finally {
        operator.shutdownNow();
      }
      assertThat(server.description()).contains("Web UI http://127.0.0.1:");
    }
    assertThat(database).exists();
  }

  private static WorkflowServiceStubs stubs(String address) {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

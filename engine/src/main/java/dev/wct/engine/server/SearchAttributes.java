package dev.wct.engine.server;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The custom search attributes wct registers on a server, by name and Temporal type, and their
 * registration through the OperatorService: {@code wct setup} on an existing cluster, the Java test
 * server, and {@code wct run}'s check before it sets them on a run.
 */
public final class SearchAttributes {
  /** Registered by {@code wct server}; the order is the registration order. */
  public static final Map<String, String> WCT;

  private static final Map<String, IndexedValueType> TYPES;

  static {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("WctRunbook", "Keyword");
    attributes.put("WctStatus", "Keyword");
    attributes.put("WctFailedArtifacts", "Int");
    attributes.put("WctSchedule", "Keyword");
    WCT = Collections.unmodifiableMap(attributes);
    Map<String, IndexedValueType> types = new LinkedHashMap<>();
    attributes.forEach(
        (name, type) ->
            types.put(
                name,
                type.equals("Int")
                    ? IndexedValueType.INDEXED_VALUE_TYPE_INT
                    : IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    TYPES = Collections.unmodifiableMap(types);
  }

  private SearchAttributes() {}

  /** wct's attributes by Temporal type, e.g. for {@code TestWorkflowEnvironment}. */
  public static Map<String, IndexedValueType> types() {
    return TYPES;
  }

  /**
   * Registers those of wct's attributes that {@code namespace} lacks and returns their names (empty
   * when all were there). On Temporal's Java test server, which cannot list its attributes, it
   * registers each one it does not have yet.
   *
   * @throws WctException EXTERNAL when the server refuses (e.g. no permission for the
   *     OperatorService)
   */
  public static List<String> register(WorkflowServiceStubs service, String namespace) {
    OperatorServiceStubs operator = operator(service);
    try {
      Map<String, IndexedValueType> missing = new LinkedHashMap<>(TYPES);
      boolean canList = true;
      try {
        missing.keySet().removeAll(existing(operator, namespace).keySet());
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
          throw refused(e, namespace);
        }
        canList = false;
      }
      List<String> added = new ArrayList<>();
      for (Map.Entry<String, IndexedValueType> attribute : missing.entrySet()) {
        try {
          operator
              .blockingStub()
              .addSearchAttributes(
                  AddSearchAttributesRequest.newBuilder()
                      .setNamespace(namespace)
                      .putSearchAttributes(attribute.getKey(), attribute.getValue())
                      .build());
          added.add(attribute.getKey());
        } catch (StatusRuntimeException e) {
          boolean alreadyThere =
              !canList
                  && (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS
                      || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT);
          if (!alreadyThere) {
            throw refused(e, namespace);
          }
        }
      }
      return added;
    } finally {
      operator.shutdown();
    }
  }

  /**
   * Whether {@code namespace} has all of wct's attributes, so that runs may set and upsert them. A
   * Java test server, which cannot list them, gets them registered (it keeps nothing anyway); any
   * other failure to tell counts as no.
   */
  public static boolean available(WorkflowServiceStubs service, String namespace) {
    OperatorServiceStubs operator = operator(service);
    try {
      return existing(operator, namespace).keySet().containsAll(TYPES.keySet());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        return false;
      }
    } finally {
      operator.shutdown();
    }
    try {
      register(service, namespace);
      return true;
    } catch (WctException refused) {
      return false;
    }
  }

  private static Map<String, IndexedValueType> existing(
      OperatorServiceStubs operator, String namespace) {
    return operator
        .blockingStub()
        .listSearchAttributes(
            ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
        .getCustomAttributesMap();
  }

  private static OperatorServiceStubs operator(WorkflowServiceStubs service) {
    return OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder()
            .setChannel(service.getRawChannel())
            .validateAndBuildWithDefaults());
  }

  private static WctException refused(StatusRuntimeException e, String namespace) {
    return new WctException(
        ErrorKind.EXTERNAL,
        "cannot register wct's search attributes in namespace '"
            + namespace
            + "': "
            + e.getStatus().getCode()
            + (e.getStatus().getDescription() == null ? "" : " " + e.getStatus().getDescription()),
        e);
  }
}

package dev.wct.bench.components;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.message.SchemaRef;
import java.util.List;

/**
 * The benchmark-only connectors and analysers: {@value #NO_OP} writes one tiny item at once,
 * {@value #SLEEP} first sleeps for its {@value #MILLIS} property. Both exist as a connector (for
 * sources) and as an analyser (for derived artifacts), and produce {@code standard_input} so any
 * DAG of them is well typed.
 */
public final class BenchComponents {
  public static final String NO_OP = "bench_noop";
  public static final String SLEEP = "bench_sleep";
  public static final String MILLIS = "millis";
  public static final SchemaRef SCHEMA = SchemaRef.of("standard_input");

  private BenchComponents() {}

  public static ComponentCatalog catalog() {
    return ComponentCatalog.of(
        List.of(new BenchConnector(NO_OP, false), new BenchConnector(SLEEP, true)),
        List.of(new BenchAnalyser(NO_OP, false), new BenchAnalyser(SLEEP, true)));
  }

  /** Properties of a {@value #SLEEP} component that sleeps {@code millis} ms. */
  public static ObjectNode sleepFor(long millis) {
    return JsonNodeFactory.instance.objectNode().put(MILLIS, millis);
  }

  /** The sleep a {@value #SLEEP} artifact's properties ask for; 0 for none. */
  public static long millisOf(ObjectNode properties, String artifactId) {
    return BenchWork.millis(properties, artifactId);
  }
}

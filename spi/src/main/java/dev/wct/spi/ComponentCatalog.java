package dev.wct.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The connectors and analysers available, by type name, in name order. */
public final class ComponentCatalog {
  private final Map<String, Connector> connectors;
  private final Map<String, Analyser> analysers;

  private ComponentCatalog(Map<String, Connector> connectors, Map<String, Analyser> analysers) {
    this.connectors = connectors;
    this.analysers = analysers;
  }

  /** Discovers every component on the class path of {@code loader}. */
  public static ComponentCatalog discover(ClassLoader loader) {
    return of(
        collect(ServiceLoader.load(Connector.class, loader)),
        collect(ServiceLoader.load(Analyser.class, loader)));
  }

  public static ComponentCatalog discover() {
    return discover(Thread.currentThread().getContextClassLoader());
  }

  public static ComponentCatalog of(
      Collection<Connector> connectors, Collection<Analyser> analysers) {
    return new ComponentCatalog(index(connectors), index(analysers));
  }

  private static <T> List<T> collect(ServiceLoader<T> loader) {
    List<T> found = new ArrayList<>();
    loader.forEach(found::add);
    return found;
  }

  private static <T extends Component> Map<String, T> index(Collection<T> components) {
    Map<String, T> byType = new TreeMap<>();
    for (T component : components) {
      T previous = byType.putIfAbsent(component.type(), component);
      if (previous != null && previous.getClass() != component.getClass()) {
        throw new IllegalStateException(
            "two components claim type '"
                + component.type()
                + "': "
                + previous.getClass().getName()
                + " and "
                + component.getClass().getName());
      }
    }
    return java.util.Collections.unmodifiableMap(byType);
  }

  public Optional<Connector> connector(String type) {
    return Optional.ofNullable(connectors.get(type));
  }

  public Optional<Analyser> analyser(String type) {
    return Optional.ofNullable(analysers.get(type));
  }

  /** Connectors by type, in type order. */
  public Map<String, Connector> connectors() {
    return connectors;
  }

  /** Analysers by type, in type order. */
  public Map<String, Analyser> analysers() {
    return analysers;
  }
}

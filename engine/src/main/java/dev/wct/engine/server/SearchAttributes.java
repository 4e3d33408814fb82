package dev.wct.engine.server;

import java.util.LinkedHashMap;
import java.util.Map;

/** The custom search attributes wct registers on a server, by name and Temporal type. */
public final class SearchAttributes {
  /** Registered by {@code wct server}; the order is the registration order. */
  public static final Map<String, String> WCT;

  static {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("WctRunbook", "Keyword");
    attributes.put("WctStatus", "Keyword");
    attributes.put("WctFailedArtifacts", "Int");
    attributes.put("WctSchedule", "Keyword");
    WCT = java.util.Collections.unmodifiableMap(attributes);
  }

  private SearchAttributes() {}
}

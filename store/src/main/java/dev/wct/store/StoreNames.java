package dev.wct.store;

/**
 * Checks the names that become parts of store keys, so that no run ID, artifact id or record name
 * can reach outside its run, whatever the backend.
 */
public final class StoreNames {
  private static final int MAX_SEGMENT_LENGTH = 200;

  private StoreNames() {}

  /** Returns {@code runId} if it is one safe path segment. */
  public static String runId(String runId) {
    return segment("run ID", runId);
  }

  /** Returns {@code artifactId} if it is one safe path segment. */
  public static String artifactId(String artifactId) {
    return segment("artifact id", artifactId);
  }

  /** Returns {@code name} if it is a relative path of safe segments separated by '/'. */
  public static String recordName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("record name must not be empty");
    }
    for (String part : name.split("/", -1)) {
      checkSegment("record name", name, part);
    }
    return name;
  }

  /**
   * Returns {@code prefix} if it can only select records of one run: empty, or a relative path
   * whose complete segments are safe (it may end with '/' or in the middle of a name).
   */
  public static String recordPrefix(String prefix) {
    if (prefix == null) {
      throw new IllegalArgumentException("record prefix must not be null");
    }
    if (prefix.isEmpty()) {
      return prefix;
    }
    String[] parts = prefix.split("/", -1);
    for (int i = 0; i < parts.length - 1; i++) {
      checkSegment("record prefix", prefix, parts[i]);
    }
    String last = parts[parts.length - 1];
    if (!last.isEmpty() && (last.equals(".") || last.equals(".."))) {
      throw unsafe("record prefix", prefix, "'.' and '..' are not allowed");
    }
    checkCharacters("record prefix", prefix);
    return prefix;
  }

  private static String segment(String what, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (value.indexOf('/') >= 0) {
      throw unsafe(what, value, "'/' is not allowed");
    }
    checkSegment(what, value, value);
    return value;
  }

  private static void checkSegment(String what, String whole, String segment) {
    if (segment.isEmpty()) {
      throw unsafe(what, whole, "empty path segment (leading, trailing or double '/')");
    }
    if (segment.equals(".") || segment.equals("..")) {
      throw unsafe(what, whole, "'.' and '..' are not allowed");
    }
    if (segment.startsWith(".")) {
      throw unsafe(what, whole, "must not start with '.'");
    }
    if (segment.length() > MAX_SEGMENT_LENGTH) {
      throw unsafe(what, whole, "longer than " + MAX_SEGMENT_LENGTH + " characters");
    }
    checkCharacters(what, whole);
  }

  private static void checkCharacters(String what, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        throw unsafe(what, value, "'\\' is not allowed");
      }
      if (c < 0x20 || c == 0x7f) {
        throw unsafe(what, value, "control characters are not allowed");
      }
    }
  }

  private static IllegalArgumentException unsafe(String what, String value, String why) {
    return new IllegalArgumentException("unsafe " + what + " '" + printable(value) + "': " + why);
  }

  private static String printable(String value) {
    StringBuilder out = new StringBuilder(Math.min(value.length(), 80));
    for (int i = 0; i < value.length() && i < 80; i++) {
      char c = value.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return value.length() > 80 ? out + "..." : out.toString();
  }
}

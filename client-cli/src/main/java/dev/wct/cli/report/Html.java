package dev.wct.cli.report;

/** HTML escaping for text and attribute values, as OWASP recommends for untrusted data. */
public final class Html {
  private Html() {}

  /** Escapes {@code & < > " ' /}; null becomes the empty string. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#x27;";
            case '/' -> "&#x2F;";
            default -> null;
          };
      if (replacement == null && Character.isISOControl(c) && c != '\n' && c != '\t') {
        replacement = "&#xFFFD;";
      }
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(replacement);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}

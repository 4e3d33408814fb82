package dev.wct.classifiers.purpose;

import java.util.Locale;

/** Whether a data protection impact assessment (Art. 35) should precede the processing. */
public enum DpiaRecommendation {
  REQUIRED,
  RECOMMENDED,
  NOT_REQUIRED;

  /** The message name, e.g. {@code not_required}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}

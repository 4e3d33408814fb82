package dev.wct.spi;

import java.util.List;
import java.util.Objects;

/**
 * How the findings an analyser writes are reported: what they are about, where their value and
 * classification are, and which of their fields raise a flag a reader must act on. Reports read
 * findings through this descriptor, so a new analyser is reported without the report knowing its
 * vocabulary.
 *
 * @param title what a report calls these findings, e.g. "Personal data"
 * @param kind indicators, or classifications that supersede the indicators of the same aspect
 * @param aspect the question the findings answer for a record of processing
 * @param valueField the finding field naming what was found, e.g. {@code category}
 * @param classificationField the field holding its classification, e.g. {@code gdpr_category}; null
 *     for indicators
 * @param recipientPointer a JSON pointer into a finding naming a recipient or third-party service
 *     it reveals, e.g. {@code /metadata/service}; null when the findings name none
 * @param flags the fields that raise a flag, in the order a report lists them
 */
public record FindingsPresentation(
    String title,
    Kind kind,
    Aspect aspect,
    String valueField,
    String classificationField,
    String recipientPointer,
    List<Flag> flags) {
  public FindingsPresentation {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(aspect, "aspect");
    Objects.requireNonNull(valueField, "valueField");
    flags = List.copyOf(Objects.requireNonNull(flags, "flags"));
  }

  /** Raw indicators, or classifications of them. */
  public enum Kind {
    INDICATOR,
    CLASSIFICATION
  }

  /** The Art. 30(1) question findings answer. */
  public enum Aspect {
    /** Categories of personal data. */
    PERSONAL_DATA,
    /** Categories of data subjects. */
    DATA_SUBJECTS,
    /** Purposes of the processing. */
    PURPOSES,
    /** Anything else. */
    OTHER
  }

  /**
   * A field that, when raised, a reader must act on.
   *
   * @param pointer a JSON pointer into a finding, e.g. {@code /special_category}
   * @param raisedBy the text values that raise it; empty means the boolean {@code true}
   * @param label what the report calls it, e.g. "Art. 9 special category"
   * @param action what to do about it, e.g. "confirm a lawful basis under Art. 9(2)"
   */
  public record Flag(String pointer, List<String> raisedBy, String label, String action) {
    public Flag {
      Objects.requireNonNull(pointer, "pointer");
      raisedBy = List.copyOf(Objects.requireNonNull(raisedBy, "raisedBy"));
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(action, "action");
    }

    /** A flag raised by the boolean {@code true} at {@code pointer}. */
    public static Flag whenTrue(String pointer, String label, String action) {
      return new Flag(pointer, List.of(), label, action);
    }
  }
}

package dev.wct.analysers.personaldata;

import dev.wct.analysers.common.Findings;
import dev.wct.analysers.common.TextItem;
import dev.wct.analysers.ruleset.DetectorBinding;
import dev.wct.analysers.ruleset.Ruleset;
import java.util.List;

/**
 * Phone numbers no numbering plan assigns in a phone column of a CSV file or sheet: a column headed
 * with one of {@link PhoneDetector}'s phone labels ({@code phone}, {@code mobile_phone}, {@code
 * Telephone No}). In a database cell or a JSON field the label is in the scanned text ({@code
 * phone: (37) 788-063}) and {@link UnvalidatedPhones} finds the number next to it; in a CSV column
 * the label is only in the header line. A field that is as a whole a number in national format
 * ({@link UnvalidatedPhones#nationalField}) is then reported by its format, as the ruleset's {@code
 * phone_number} detector; a field the text scan already reported is left to it. The same numbers in
 * a column headed {@code order_ref} or {@code sku} are not phone numbers.
 */
final class PhoneColumns {
  static final String DETECTOR = "phone_number";

  private final String category;
  private final UnvalidatedPhones phones;
  private final List<List<String>> labels;

  private PhoneColumns(String category, UnvalidatedPhones phones, List<List<String>> labels) {
    this.category = category;
    this.phones = phones;
    this.labels = labels;
  }

  /** The phone columns of {@code ruleset}; none when it binds no {@code phone_number} detector. */
  static PhoneColumns of(Ruleset ruleset, String region) {
    String category =
        ruleset.detectors().stream()
            .filter(binding -> binding.detector().equals(DETECTOR))
            .map(DetectorBinding::category)
            .findFirst()
            .orElse(null);
    List<String> keywords =
        PhoneDetector.phoneKeywords().stream()
            // a verb labels what follows it in text, not a column: call_id, call_duration
            .filter(label -> !label.equals("call"))
            .toList();
    return new PhoneColumns(
        category, new UnvalidatedPhones(region, keywords), ColumnHeaders.words(keywords));
  }

  /**
   * Reports the unassigned numbers in the phone columns of {@code item}.
   *
   * @param found what the text scan found in {@code item}, ordered by start
   */
  void scan(TextItem item, List<ValueScanner.Match> found, Findings findings) {
    if (category == null) {
      return;
    }
    String text = item.text();
    ValueScanner.Match.forEachUnclaimedField(
        item,
        this::phoneHeader,
        found,
        (start, end) -> {
          if (phones.nationalField(text, start, end)) {
            findings.match(category, DETECTOR, DETECTOR, Findings.Kind.FORMAT, item, start, end);
          }
        });
  }

  /**
   * True if the header ends with a phone label, possibly followed by a word for number: {@code
   * phone}, {@code mobile_phone}, {@code Telephone No}; not {@code phone_type} or {@code
   * sms_opt_in}.
   */
  boolean phoneHeader(String header) {
    return ColumnHeaders.endsWithLabel(header, labels);
  }
}

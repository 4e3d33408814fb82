package dev.wct.analysers.personaldata;

import dev.wct.analysers.common.Findings;
import dev.wct.analysers.common.TextItem;
import dev.wct.analysers.ruleset.DetectorBinding;
import dev.wct.analysers.ruleset.Ruleset;
import java.util.List;

/**
 * Identity-document numbers in a document column of a CSV file or sheet: a column headed with one
 * of {@link DocumentNumberDetector}'s document keywords, possibly followed by a word for number
 * ({@code passport_no}, {@code Passport Number}, {@code driving_licence}, {@code id_card_number}).
 * In a database cell the column name is in the scanned text ({@code passport_number: C01X00T47})
 * and the detector finds the number after it; in a CSV column the keyword is only in the header
 * line. A field that is as a whole a number of the detector's shape ({@link
 * DocumentNumberDetector#numberField}) is then reported as the ruleset's {@code document_number}
 * detector, by its format as the detector reports it after its keyword: the header stands for the
 * keyword, and no issuer's check tells more. A field the text scan already reported is left to it;
 * dates and {@code yes}/{@code no} in such a column are none, and the same shapes in a column
 * headed {@code order_ref} are not document numbers.
 */
final class DocumentColumns {
  static final String DETECTOR = "document_number";

  private static final List<List<String>> LABELS =
      ColumnHeaders.words(DocumentNumberDetector.keywords());

  private final String category;

  private DocumentColumns(String category) {
    this.category = category;
  }

  /** The document columns of {@code ruleset}; none when it binds no {@code document_number}. */
  static DocumentColumns of(Ruleset ruleset) {
    return new DocumentColumns(
        ruleset.detectors().stream()
            .filter(binding -> binding.detector().equals(DETECTOR))
            .map(DetectorBinding::category)
            .findFirst()
            .orElse(null));
  }

  /**
   * Reports the document numbers in the document columns of {@code item}.
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
        DocumentColumns::documentHeader,
        found,
        (start, end) -> {
          if (DocumentNumberDetector.numberField(text, start, end)) {
            findings.match(category, DETECTOR, DETECTOR, Findings.Kind.FORMAT, item, start, end);
          }
        });
  }

  /**
   * True if the header ends with a document keyword, possibly followed by a word for number: {@code
   * passport_no}, {@code driving_licence}; not {@code passport_expiry} or {@code order_ref}.
   */
  static boolean documentHeader(String header) {
    return ColumnHeaders.endsWithLabel(header, LABELS);
  }
}

package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Runs value detectors over a text in priority order; a value claimed by an earlier detector is not
 * reported again by a later one (the digits of an IBAN are not also a phone number).
 */
final class ValueScanner {
  /** One validated value. */
  record Match(ValueDetector detector, String category, int start, int end) {}

  /** A detector and the category its matches report. */
  record Bound(ValueDetector detector, String category) {
    Bound {
      Objects.requireNonNull(detector, "detector");
      Objects.requireNonNull(category, "category");
    }
  }

  private final List<Bound> detectors;

  ValueScanner(List<Bound> detectors) {
    List<Bound> ordered = new ArrayList<>(detectors);
    ordered.sort(Comparator.comparingInt(bound -> priority(bound.detector().name())));
    this.detectors = List.copyOf(ordered);
  }

  /** Every built-in detector, reporting under its own name. */
  static ValueScanner all(String phoneRegion) {
    List<Bound> bound = new ArrayList<>();
    for (ValueDetector detector : detectors(phoneRegion).values()) {
      bound.add(new Bound(detector, detector.name()));
    }
    return new ValueScanner(bound);
  }

  /** The built-in detectors by name. */
  static Map<String, ValueDetector> detectors(String phoneRegion) {
    Map<String, ValueDetector> detectors = new java.util.HashMap<>();
    for (ValueDetector detector :
        List.of(
            new EmailDetector(),
            new IbanDetector(),
            new PaymentCardDetector(),
            new SsnDetector(),
            new NinoDetector(),
            new Ipv6Detector(),
            new Ipv4Detector(),
            new DateOfBirthDetector(),
            new PhoneDetector(phoneRegion),
            new PersonNameDetector())) {
      detectors.put(detector.name(), detector);
    }
    for (ValueDetector detector : NationalIdentifiers.all()) {
      detectors.put(detector.name(), detector);
    }
    return Map.copyOf(detectors);
  }

  private static final List<String> PRIORITY =
      List.of(
          "email_address",
          "iban",
          "payment_card",
          "us_ssn",
          "uk_nino",
          // National identifiers before phone numbers and dates, whose shapes some share: an NHS
          // number is ten digits like a phone number, and is one only after an NHS keyword.
          "uk_nhs_number",
          "fr_nir",
          "it_codice_fiscale",
          "es_dni",
          "es_nie",
          "se_personnummer",
          "be_national_number",
          "de_tax_id",
          "pl_pesel",
          "nl_bsn",
          "ipv6_address",
          "ipv4_address",
          "date_of_birth",
          "phone_number",
          "person_name");

  private static int priority(String name) {
    return PRIORITY.indexOf(name);
  }

  boolean isEmpty() {
    return detectors.isEmpty();
  }

  /** The values in {@code text}, ordered by position. */
  List<Match> scan(String text, Tokens tokens) {
    List<Match> matches = new ArrayList<>();
    // Claimed ranges never overlap, so the nearest one starting before an end decides.
    TreeMap<Integer, Integer> claimed = new TreeMap<>();
    for (Bound bound : detectors) {
      bound
          .detector()
          .find(
              text,
              tokens,
              new ValueDetector.Sink() {
                @Override
                public void match(int start, int end) {
                  if (!overlaps(claimed, start, end)) {
                    claimed.put(start, end);
                    matches.add(new Match(bound.detector(), bound.category(), start, end));
                  }
                }

                @Override
                public boolean claimed(int start, int end) {
                  return overlaps(claimed, start, end);
                }
              });
    }
    matches.sort(Comparator.comparingInt(Match::start));
    return matches;
  }

  private static boolean overlaps(TreeMap<Integer, Integer> claimed, int start, int end) {
    Map.Entry<Integer, Integer> before = claimed.lowerEntry(end);
    return before != null && before.getValue() > start;
  }
}

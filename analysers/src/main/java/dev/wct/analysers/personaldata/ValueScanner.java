package dev.wct.analysers.personaldata;

import dev.wct.analysers.common.CsvColumns;
import dev.wct.analysers.common.TextItem;
import dev.wct.analysers.text.KeywordIndex;
import dev.wct.analysers.text.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Runs value detectors over a text in priority order; a value claimed by an earlier detector is not
 * reported again by a later one (the digits of an IBAN are not also a phone number).
 */
final class ValueScanner {
  /**
   * One value: validated, or recognised by its format only ({@code validated} false, see {@link
   * ValueDetector.Sink#matchByFormat}).
   */
  record Match(ValueDetector detector, String category, int start, int end, boolean validated) {
    /** A validated value. */
    Match(ValueDetector detector, String category, int start, int end) {
      this(detector, category, start, end, true);
    }

    /**
     * The unclaimed fields (below) of every column of a tabular {@code item} whose header {@code
     * header} accepts; nothing for an item that is not a CSV file or sheet.
     */
    static void forEachUnclaimedField(
        TextItem item,
        Predicate<String> header,
        List<Match> found,
        CsvColumns.FieldConsumer consumer) {
      if (!CsvColumns.isTabular(item)) {
        return;
      }
      CsvColumns columns = CsvColumns.of(item);
      if (columns == null) {
        return;
      }
      List<String> names = columns.names();
      for (int i = 0; i < names.size(); i++) {
        if (header.test(names.get(i))) {
          forEachUnclaimedField(columns, i, found, consumer);
        }
      }
    }

    /**
     * The fields of column {@code index} that none of {@code found} (ordered by start) overlaps: a
     * column rule leaves to the text scan what it already reported, so a value counts once.
     */
    static void forEachUnclaimedField(
        CsvColumns columns, int index, List<Match> found, CsvColumns.FieldConsumer consumer) {
      int[] next = {0};
      columns.forEachField(
          index,
          (start, end) -> {
            while (next[0] < found.size() && found.get(next[0]).end() <= start) {
              next[0]++;
            }
            if (next[0] >= found.size() || found.get(next[0]).start() >= end) {
              consumer.accept(start, end);
            }
          });
    }
  }

  /** A detector and the category its matches report. */
  record Bound(ValueDetector detector, String category) {
    Bound {
      Objects.requireNonNull(detector, "detector");
      Objects.requireNonNull(category, "category");
    }
  }

  private final List<Bound> detectors;
  // The national identifiers find their opening words in one pass for all of them: groupMember[d]
  // is the position of detectors.get(d) in that group, or -1.
  private final CheckedIdentifierDetector.Group identifiers;
  private final int[] groupMember;
  // The detectors led by cue words: cueMember[d] is the position of detectors.get(d)'s cues among
  // cueIndexes, or -1.
  private final List<KeywordIndex<?>> cueIndexes;
  private final int[] cueMember;

  ValueScanner(List<Bound> detectors) {
    List<Bound> ordered = new ArrayList<>(detectors);
    ordered.sort(Comparator.comparingInt(bound -> priority(bound.detector().name())));
    this.detectors = List.copyOf(ordered);
    List<CheckedIdentifierDetector> members = new ArrayList<>();
    this.groupMember = new int[ordered.size()];
    for (int d = 0; d < ordered.size(); d++) {
      groupMember[d] = -1;
      if (ordered.get(d).detector() instanceof CheckedIdentifierDetector checked
          && members.size() < 64) {
        groupMember[d] = members.size();
        members.add(checked);
      }
    }
    this.identifiers = new CheckedIdentifierDetector.Group(members);
    List<KeywordIndex<?>> cues = new ArrayList<>();
    this.cueMember = new int[ordered.size()];
    for (int d = 0; d < ordered.size(); d++) {
      cueMember[d] = -1;
      if (ordered.get(d).detector() instanceof KeywordLedDetector<?> led) {
        cueMember[d] = cues.size();
        cues.add(led.cues());
      }
    }
    this.cueIndexes = List.copyOf(cues);
  }

  /**
   * The cue words of the detectors led by them, for the caller's keyword pass: {@link #scan(String,
   * Tokens, List)} takes what it found of each, in this order.
   */
  List<KeywordIndex<?>> cueIndexes() {
    return cueIndexes;
  }

  /** Empty recorders for the cues of {@link #cueIndexes()}, one each, in order. */
  List<KeywordIndex.Recorded<?>> cueRecorders() {
    List<KeywordIndex.Recorded<?>> recorders = new ArrayList<>(cueIndexes.size());
    for (int k = 0; k < cueIndexes.size(); k++) {
      recorders.add(new KeywordIndex.Recorded<>());
    }
    return recorders;
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
            new DocumentNumberDetector(),
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
          // After phone numbers: a number a phone label or the phone detector claimed is no
          // document number.
          "document_number",
          "person_name");

  private static int priority(String name) {
    return PRIORITY.indexOf(name);
  }

  boolean isEmpty() {
    return detectors.isEmpty();
  }

  /** The values in {@code text}, ordered by position. */
  List<Match> scan(String text, Tokens tokens) {
    return scan(text, tokens, null);
  }

  /**
   * The values in {@code text}, ordered by position.
   *
   * @param cues the cue words found in {@code tokens} ({@link #cueRecorders()}, filled by a keyword
   *     pass over {@link #cueIndexes()}), or null for the detectors to find their own
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  List<Match> scan(String text, Tokens tokens, List<KeywordIndex.Recorded<?>> cues) {
    List<Match> matches = new ArrayList<>();
    Claimed claimed = new Claimed();
    int[][] openings = null;
    for (int d = 0; d < detectors.size(); d++) {
      Bound bound = detectors.get(d);
      ValueDetector.Sink sink =
          new ValueDetector.Sink() {
            @Override
            public void match(int start, int end) {
              if (!claimed.overlaps(start, end)) {
                claimed.put(start, end);
                matches.add(new Match(bound.detector(), bound.category(), start, end));
              }
            }

            @Override
            public void matchByFormat(int start, int end) {
              if (!claimed.overlaps(start, end)) {
                claimed.put(start, end);
                matches.add(new Match(bound.detector(), bound.category(), start, end, false));
              }
            }

            @Override
            public boolean claimed(int start, int end) {
              return claimed.overlaps(start, end);
            }
          };
      if (groupMember[d] >= 0) {
        if (openings == null) {
          openings = identifiers.openings(text, tokens);
        }
        ((CheckedIdentifierDetector) bound.detector())
            .find(text, tokens, sink, openings[groupMember[d]]);
      } else if (cues != null && cueMember[d] >= 0) {
        KeywordLedDetector led = (KeywordLedDetector) bound.detector();
        ((KeywordIndex.Recorded) cues.get(cueMember[d])).replay(led.onCue(text, sink));
      } else {
        bound.detector().find(text, tokens, sink);
      }
    }
    matches.sort(Comparator.comparingInt(Match::start));
    return matches;
  }

  /**
   * The ranges claimed so far, sorted by start in two int arrays (a {@code TreeMap<Integer,
   * Integer>} boxed every offset). Claimed ranges never overlap, so the nearest one starting before
   * an end decides.
   */
  private static final class Claimed {
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int size;

    boolean overlaps(int start, int end) {
      int before = lastStartingBefore(end);
      return before >= 0 && ends[before] > start;
    }

    void put(int start, int end) {
      int at = lastStartingBefore(start + 1);
      if (at >= 0 && starts[at] == start) {
        ends[at] = end;
        return;
      }
      at++;
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      System.arraycopy(starts, at, starts, at + 1, size - at);
      System.arraycopy(ends, at, ends, at + 1, size - at);
      starts[at] = start;
      ends[at] = end;
      size++;
    }

    /** The index of the last range starting before {@code offset}, or -1. */
    private int lastStartingBefore(int offset) {
      int low = 0;
      int high = size - 1;
      while (low <= high) {
        int middle = (low + high) >>> 1;
        if (starts[middle] < offset) {
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      return high;
    }
  }
}

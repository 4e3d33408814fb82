package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.KeywordIndex;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The checksum-validated national identifiers. Each states its published check and, for the shapes
 * that are just a run of digits, the keywords one of which must come before the value.
 */
final class NationalIdentifiers {
  private NationalIdentifiers() {}

  /** Every keyword that labels a national identifier (for the phone detector to step aside). */
  static final KeywordIndex<String> LABELS = labels();

  private static KeywordIndex<String> labels() {
    KeywordIndex.Builder<String> builder = KeywordIndex.builder();
    for (ValueDetector detector : all()) {
      if (detector instanceof CheckedIdentifierDetector checked) {
        checked.keywords().forEach(keyword -> builder.add(keyword, keyword));
      }
    }
    return builder.build();
  }

  /** Every national identifier detector, in the order they are tried. */
  static List<ValueDetector> all() {
    return List.of(
        new UkNhsNumber(),
        new FrNir(),
        new ItCodiceFiscale(),
        new EsDni(),
        new EsNie(),
        new SePersonnummer(),
        new BeNationalNumber(),
        new DeTaxId(),
        new PlPesel(),
        new NlBsn());
  }

  /**
   * German tax identification number (Steuer-ID, IdNr): 11 digits, the first not 0, written compact
   * or {@code 12 345 678 901}; in the first ten digits exactly one digit occurs twice or three
   * times (three never in a row) and the others at most once; the last digit is the ISO 7064 MOD
   * 11,10 check digit. Needs a keyword.
   */
  static final class DeTaxId extends CheckedIdentifierDetector {
    DeTaxId() {
      super(
          "de_tax_id",
          "[1-9]\\d{10}|[1-9]\\d \\d{3} \\d{3} \\d{3}",
          14,
          false,
          null,
          2,
          List.of(
              "steuer id",
              "steuerid",
              "steuer idnr",
              "steueridentifikationsnummer",
              "steuerliche identifikationsnummer",
              "identifikationsnummer",
              "idnr",
              "id nr",
              "tax id",
              "tax identification number"));
    }

    @Override
    boolean needsKeyword(Matcher value) {
      return true;
    }

    @Override
    boolean leadingRun(int length) {
      return length == 11 || length == 2;
    }

    @Override
    boolean opens(int length, char after) {
      return length == 11 || length == 2 && after == ' ';
    }

    @Override
    boolean valid(Matcher value) {
      return valid(digits(value.group()));
    }

    static boolean valid(String d) {
      int[] counts = new int[10];
      for (int i = 0; i < 10; i++) {
        counts[digit(d, i)]++;
      }
      int repeated = 0;
      for (int count : counts) {
        if (count > 3) {
          return false;
        }
        if (count >= 2) {
          repeated++;
        }
      }
      if (repeated != 1) {
        return false;
      }
      for (int i = 0; i + 2 < 10; i++) {
        if (d.charAt(i) == d.charAt(i + 1) && d.charAt(i) == d.charAt(i + 2)) {
          return false;
        }
      }
      return checkDigit(d) == digit(d, 10);
    }

    /** ISO 7064 MOD 11,10 over the first ten digits. */
    static int checkDigit(String d) {
      int product = 10;
      for (int i = 0; i < 10; i++) {
        int sum = (digit(d, i) + product) % 10;
        if (sum == 0) {
          sum = 10;
        }
        product = (sum * 2) % 11;
      }
      int check = 11 - product;
      return check == 10 ? 0 : check;
    }
  }

  /**
   * French social security number (NIR): sex (1, 2, or 7, 8 for a temporary number), year, month
   * (01–12, or 20–99 where INSEE codes an unknown month), department (two digits, 2A or 2B for
   * Corsica), commune, order number and the key 97 − (the 13 digits mod 97), Corsica's 2A and 2B
   * counted as 19 and 18. Compact or grouped by spaces ({@code 1 84 12 76 451 089 46}).
   */
  static final class FrNir extends CheckedIdentifierDetector {
    FrNir() {
      super(
          "fr_nir",
          "([1278]) ?(\\d{2}) ?(0[1-9]|1[0-2]|[2-9]\\d) ?(\\d{2}|2[AB]) ?(\\d{3}) ?(\\d{3}) ?"
              + "(\\d{2})",
          21,
          false,
          "1278",
          1,
          List.of());
    }

    /**
     * The first run of digits ends where a space may stand (after 1, 3, 5, 7, 10 or 13 digits), at
     * the letter of a Corsican department (after 6), or is the whole compact number (15).
     */
    @Override
    boolean opens(int length, char after) {
      return switch (length) {
        case 15 -> true;
        case 6 -> after == 'A' || after == 'B';
        case 1, 3, 5, 7, 10, 13 -> after == ' ';
        default -> false;
      };
    }

    @Override
    boolean valid(Matcher value) {
      String department = value.group(4);
      String numeric =
          switch (department) {
            case "2A" -> "19";
            case "2B" -> "18";
            default -> department;
          };
      String body =
          value.group(1)
              + value.group(2)
              + value.group(3)
              + numeric
              + value.group(5)
              + value.group(6);
      return key(body) == Integer.parseInt(value.group(7));
    }

    /** 97 − (the 13 digits mod 97). */
    static int key(String thirteenDigits) {
      return (int) (97 - Long.parseLong(thirteenDigits) % 97);
    }
  }

  /**
   * Italian fiscal code (codice fiscale): three consonant-derived letters of the surname and three
   * of the name, year, month letter, day (+40 for women), birthplace code and the check letter from
   * the odd/even position tables; digits may be replaced by the letters LMNPQRSTUV (omocodia).
   */
  static final class ItCodiceFiscale extends CheckedIdentifierDetector {
    private static final String DIGIT_LETTERS = "LMNPQRSTUV";
    private static final String D = "[0-9LMNPQRSTUV]";
    private static final int[] ODD = {
      1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
    };

    ItCodiceFiscale() {
      super(
          "it_codice_fiscale",
          "[A-Z]{6}" + D + D + "[ABCDEHLMPRST]" + D + D + "[A-Z]" + D + D + D + "[A-Z]",
          16,
          true,
          null,
          6,
          List.of());
    }

    /**
     * Six letters then a digit, or more letters (a digit written as a letter): six capitals
     * followed by a space or punctuation ({@code SELECT id}) never open one.
     */
    @Override
    boolean opens(int length, char after) {
      return length > 6 || length == 6 && after >= '0' && after <= '9';
    }

    @Override
    boolean valid(Matcher value) {
      String code = value.group();
      int day = numeric(code.charAt(9)) * 10 + numeric(code.charAt(10));
      if (!(day >= 1 && day <= 31 || day >= 41 && day <= 71)) {
        return false;
      }
      return checkCharacter(code) == code.charAt(15);
    }

    private static int numeric(char c) {
      return Chars.digit(c) ? c - '0' : DIGIT_LETTERS.indexOf(c);
    }

    /** The check letter of the first 15 characters. */
    static char checkCharacter(String code) {
      int sum = 0;
      for (int i = 0; i < 15; i++) {
        char c = code.charAt(i);
        int index = Chars.digit(c) ? c - '0' : c - 'A';
        // Positions are counted from 1: the odd ones are at even indexes.
        sum += i % 2 == 0 ? ODD[index] : index;
      }
      return (char) ('A' + sum % 26);
    }

    @Override
    public String mask(String value) {
      return Chars.maskAllBut(value, 1);
    }
  }

  /** The Spanish check letter of a number: its remainder mod 23 in the official table. */
  static char spanishLetter(int number) {
    return "TRWAGMYFPDXBNJZSQVHLCKE".charAt(number % 23);
  }

  /**
   * Spanish DNI: eight digits and the mod 23 check letter ({@code 12345678Z}, {@code -} allowed).
   */
  static final class EsDni extends CheckedIdentifierDetector {
    EsDni() {
      super("es_dni", "(\\d{8})-?([A-Z])", 10, false, null, 8, List.of());
    }

    @Override
    boolean leadingRun(int length) {
      return length == 8;
    }

    @Override
    boolean valid(Matcher value) {
      return spanishLetter(Integer.parseInt(value.group(1))) == value.group(2).charAt(0);
    }

    @Override
    public String mask(String value) {
      return Chars.maskAllBut(value, 1);
    }
  }

  /** Spanish NIE: X, Y or Z (read as 0, 1, 2), seven digits and the DNI check letter. */
  static final class EsNie extends CheckedIdentifierDetector {
    EsNie() {
      super("es_nie", "([XYZ])-?(\\d{7})-?([A-Z])", 11, true, "XYZ", 1, List.of());
    }

    /** The letter alone, then a hyphen or a digit: capitalised words of prose never open one. */
    @Override
    boolean opens(int length, char after) {
      return length == 1 && (after == '-' || after >= '0' && after <= '9');
    }

    @Override
    boolean valid(Matcher value) {
      int prefix = "XYZ".indexOf(value.group(1).charAt(0));
      return spanishLetter(prefix * 10_000_000 + Integer.parseInt(value.group(2)))
          == value.group(3).charAt(0);
    }

    @Override
    public String mask(String value) {
      return Chars.maskAllBut(value, 1);
    }
  }

  /**
   * Swedish personal identity number: {@code YYMMDD-NNNC} ({@code +} from age 100) or {@code
   * YYYYMMDD-NNNC}, a real date (the day +60 in a coordination number) and the Luhn check over the
   * ten-digit form. Without the separator (ten or twelve digits) it needs a keyword.
   */
  static final class SePersonnummer extends CheckedIdentifierDetector {
    SePersonnummer() {
      super(
          "se_personnummer",
          "((?:19|20)?)(\\d{2})(\\d{2})(\\d{2})([-+]?)(\\d{4})",
          13,
          false,
          null,
          6,
          List.of(
              "personnummer",
              "personnr",
              "person nr",
              "samordningsnummer",
              "personal identity number"));
    }

    @Override
    boolean needsKeyword(Matcher value) {
      return value.group(5).isEmpty();
    }

    @Override
    boolean leadingRun(int length) {
      return length == 6 || length == 8 || length == 10 || length == 12;
    }

    /**
     * Ten and twelve digits are the compact forms; six (or eight, with the century) must go on with
     * the separator, since without it the four last digits would make the run longer.
     */
    @Override
    boolean opens(int length, char after) {
      return length == 10
          || length == 12
          || (length == 6 || length == 8) && (after == '-' || after == '+');
    }

    @Override
    boolean valid(Matcher value) {
      int yy = Integer.parseInt(value.group(2));
      int month = Integer.parseInt(value.group(3));
      int day = Integer.parseInt(value.group(4));
      if (day > 60) {
        day -= 60;
      }
      boolean date =
          value.group(1).isEmpty()
              ? realDate(1900 + yy, month, day) || realDate(2000 + yy, month, day)
              : realDate(Integer.parseInt(value.group(1) + value.group(2)), month, day);
      return date
          && PaymentCardDetector.luhn(
              value.group(2) + value.group(3) + value.group(4) + value.group(6));
    }
  }

  /**
   * Belgian national register number: {@code YY.MM.DD-SSS.CC}, the check 97 − (the first nine
   * digits mod 97), or for those born from 2000 the same with a 2 before them. The month may be 0
   * (unknown) or +20/+40 in a BIS number. The dotted form stands alone; eleven bare digits need a
   * keyword.
   */
  static final class BeNationalNumber extends CheckedIdentifierDetector {
    BeNationalNumber() {
      super(
          "be_national_number",
          "(\\d{2})\\.(\\d{2})\\.(\\d{2})-(\\d{3})\\.(\\d{2})|(\\d{11})",
          15,
          false,
          null,
          2,
          List.of(
              "rijksregisternummer",
              "rijksregister",
              "numéro national",
              "numero national",
              "registre national",
              "national register number",
              "national number",
              "insz",
              "niss"));
    }

    @Override
    boolean needsKeyword(Matcher value) {
      return value.group(6) != null;
    }

    @Override
    boolean leadingRun(int length) {
      return length == 2 || length == 11;
    }

    @Override
    boolean opens(int length, char after) {
      return length == 11 || length == 2 && after == '.';
    }

    @Override
    boolean valid(Matcher value) {
      return valid(digits(value.group()));
    }

    static boolean valid(String d) {
      int month = number(d, 2, 4) % 20;
      int day = number(d, 4, 6);
      if (number(d, 2, 4) > 52 || month > 12 || day > 31) {
        return false;
      }
      long body = Long.parseLong(d.substring(0, 9));
      int check = number(d, 9, 11);
      return 97 - body % 97 == check || 97 - (2_000_000_000L + body) % 97 == check;
    }
  }

  /**
   * Polish PESEL: YYMMDD (the month +80 for the 1800s, +20 for the 2000s, +40, +60 after), a real
   * date, and the check digit from the weights 1-3-7-9. Needs a keyword.
   */
  static final class PlPesel extends CheckedIdentifierDetector {
    private static final int[] WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};

    PlPesel() {
      super("pl_pesel", "\\d{11}", 11, false, null, 11, List.of("pesel", "numer pesel"));
    }

    @Override
    boolean needsKeyword(Matcher value) {
      return true;
    }

    @Override
    boolean leadingRun(int length) {
      return length == 11;
    }

    @Override
    boolean valid(Matcher value) {
      return valid(value.group());
    }

    static boolean valid(String d) {
      int coded = number(d, 2, 4);
      int century =
          switch (coded / 20) {
            case 0 -> 1900;
            case 1 -> 2000;
            case 2 -> 2100;
            case 3 -> 2200;
            default -> 1800;
          };
      if (!realDate(century + number(d, 0, 2), coded % 20, number(d, 4, 6))) {
        return false;
      }
      return checkDigit(d) == digit(d, 10);
    }

    static int checkDigit(String d) {
      int sum = 0;
      for (int i = 0; i < 10; i++) {
        sum += WEIGHTS[i] * digit(d, i);
      }
      return (10 - sum % 10) % 10;
    }
  }

  /**
   * Dutch citizen service number (BSN): nine digits passing the 11-proof (weights 9 to 2, the last
   * digit −1, the sum a non-zero multiple of 11). Compact, {@code 1234.56.782} or in groups of
   * three. Needs a keyword.
   */
  static final class NlBsn extends CheckedIdentifierDetector {
    NlBsn() {
      super(
          "nl_bsn",
          "\\d{9}|\\d{4}\\.\\d{2}\\.\\d{3}|\\d{3}[ .]\\d{3}[ .]\\d{3}",
          11,
          false,
          null,
          3,
          List.of(
              "bsn", "burgerservicenummer", "sofinummer", "sofi nummer", "citizen service number"));
    }

    @Override
    boolean needsKeyword(Matcher value) {
      return true;
    }

    @Override
    boolean leadingRun(int length) {
      return length == 9 || length == 4 || length == 3;
    }

    @Override
    boolean opens(int length, char after) {
      return length == 9
          || length == 4 && after == '.'
          || length == 3 && (after == ' ' || after == '.');
    }

    @Override
    boolean valid(Matcher value) {
      return valid(digits(value.group()));
    }

    static boolean valid(String d) {
      int sum = 0;
      for (int i = 0; i < 8; i++) {
        sum += (9 - i) * digit(d, i);
      }
      sum -= digit(d, 8);
      return sum != 0 && sum % 11 == 0;
    }
  }

  /**
   * NHS number (England, Wales, Isle of Man): ten digits, compact or {@code 943 476 5919}, the last
   * the mod 11 check over weights 10 to 2 (a remainder giving 10 is never issued). Tried before
   * phone numbers, whose shape it shares; needs a keyword ({@code NHS}, {@code NHS number}).
   */
  static final class UkNhsNumber extends CheckedIdentifierDetector {
    UkNhsNumber() {
      super(
          "uk_nhs_number",
          "\\d{10}|\\d{3} \\d{3} \\d{4}|\\d{3}-\\d{3}-\\d{4}",
          12,
          false,
          null,
          3,
          List.of("nhs", "nhs number", "nhs no", "nhs nr"));
    }

    @Override
    boolean needsKeyword(Matcher value) {
      return true;
    }

    @Override
    boolean leadingRun(int length) {
      return length == 10 || length == 3;
    }

    @Override
    boolean opens(int length, char after) {
      return length == 10 || length == 3 && (after == ' ' || after == '-');
    }

    @Override
    boolean valid(Matcher value) {
      return valid(digits(value.group()));
    }

    static boolean valid(String d) {
      int check = checkDigit(d);
      return check >= 0 && check == digit(d, 9);
    }

    /** The check digit of the first nine digits, or -1 if none can be (a remainder of 1). */
    static int checkDigit(String d) {
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        sum += (10 - i) * digit(d, i);
      }
      int check = 11 - sum % 11;
      return check == 11 ? 0 : check == 10 ? -1 : check;
    }
  }
}

package dev.wct.analysers.personaldata;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Generates texts with personal values at known positions, mixed into prose, code and log lines,
 * plus negatives built to trip the detectors. Seeded, so every run sees the same corpus.
 */
final class LabelledCorpus {
  /** A value of kind {@code detector} at {@code [start, end)} of a text. */
  record Label(String detector, int start, int end) {}

  /** One text and the values planted in it. */
  record Sample(String text, List<Label> labels) {}

  private final Random random;
  private final Faker faker;
  private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

  LabelledCorpus(long seed) {
    this.random = new Random(seed);
    this.faker = new Faker(Locale.ENGLISH, new Random(seed));
  }

  /** Builds a text from fragments, recording where values go. */
  private static final class Builder {
    private final StringBuilder text = new StringBuilder();
    private final List<Label> labels = new ArrayList<>();

    Builder plain(String fragment) {
      text.append(fragment);
      return this;
    }

    Builder value(String detector, String value) {
      labels.add(new Label(detector, text.length(), text.length() + value.length()));
      text.append(value);
      return this;
    }

    Sample build() {
      return new Sample(text.toString(), List.copyOf(labels));
    }
  }

  List<Sample> samples(int count) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      samples.add(sample());
    }
    return samples;
  }

  private Sample sample() {
    Builder b = new Builder();
    String[] kinds = {
      "email_address",
      "phone_number",
      "payment_card",
      "iban",
      "us_ssn",
      "ipv4_address",
      "ipv6_address",
      "uk_nino",
      "date_of_birth"
    };
    int fragments = 2 + random.nextInt(4);
    for (int f = 0; f < fragments; f++) {
      b.plain(faker.lorem().sentence(6 + random.nextInt(8))).plain(" ");
      if (random.nextInt(3) == 0) {
        b.plain(negative()).plain(" ");
      }
      String kind = kinds[random.nextInt(kinds.length)];
      plant(b, kind);
      b.plain(random.nextBoolean() ? "\n" : " ");
    }
    b.plain(negative());
    return b.build();
  }

  private void plant(Builder b, String kind) {
    String value = value(kind);
    switch (random.nextInt(4)) {
      case 0 -> b.plain(proseBefore(kind)).value(kind, value).plain(proseAfter());
      case 1 -> b.plain(phpBefore(kind)).value(kind, value).plain("\";");
      case 2 -> b.plain("const " + variable(kind) + " = '").value(kind, value).plain("'; // js");
      default ->
          b.plain("    \"" + variable(kind) + "\": \"").value(kind, value).plain("\",  # python");
    }
  }

  private String proseBefore(String kind) {
    return switch (kind) {
      case "date_of_birth" -> random.nextBoolean() ? "Date of birth: " : "She was born on ";
      case "phone_number" -> random.nextBoolean() ? "Call me at " : "Mobile: ";
      case "email_address" -> "Write to ";
      case "payment_card" -> "Paid with card ";
      case "iban" -> "Transfer to account ";
      case "us_ssn" -> "SSN ";
      case "uk_nino" -> "NI number ";
      default -> "Request from ";
    };
  }

  private String proseAfter() {
    return random.nextBoolean() ? " yesterday." : ", thanks!";
  }

  private String phpBefore(String kind) {
    return "$" + variable(kind) + " = \"";
  }

  private String variable(String kind) {
    return switch (kind) {
      case "email_address" -> "contact";
      case "phone_number" -> "phone";
      case "payment_card" -> "card";
      case "iban" -> "account";
      case "us_ssn" -> "ssn";
      case "uk_nino" -> "nino";
      case "date_of_birth" -> "dob";
      default -> "remote";
    };
  }

  String value(String kind) {
    return switch (kind) {
      case "email_address" -> email();
      case "phone_number" -> phone();
      case "payment_card" -> card();
      case "iban" -> iban();
      case "us_ssn" -> ssn();
      case "ipv4_address" -> ipv4();
      case "ipv6_address" -> ipv6();
      case "uk_nino" -> nino();
      case "date_of_birth" -> birthDate();
      default -> throw new IllegalArgumentException(kind);
    };
  }

  String email() {
    String address = faker.internet().emailAddress();
    return switch (random.nextInt(3)) {
      case 0 -> address;
      case 1 -> address.replace("@", "+news@");
      default ->
          faker.name().firstName().toLowerCase(Locale.ROOT)
              + "."
              + random.nextInt(99)
              + "@mail."
              + faker.internet().domainWord()
              + ".co.uk";
    };
  }

  String phone() {
    String[] regions = {"US", "US", "GB", "DE", "FR", "NL", "ES", "IT", "CA", "AU"};
    String region = regions[random.nextInt(regions.length)];
    PhoneNumberUtil.PhoneNumberType type =
        random.nextBoolean()
            ? PhoneNumberUtil.PhoneNumberType.MOBILE
            : PhoneNumberUtil.PhoneNumberType.FIXED_LINE;
    PhoneNumber example = phones.getExampleNumberForType(region, type);
    PhoneNumber number = example;
    for (int attempt = 0; attempt < 50; attempt++) {
      long national = example.getNationalNumber();
      PhoneNumber candidate =
          new PhoneNumber()
              .setCountryCode(example.getCountryCode())
              .setNationalNumber(
                  region.equals("US")
                      ? usNumber()
                      : national - national % 1000 + random.nextInt(1000));
      if (phones.isValidNumber(candidate)) {
        number = candidate;
        break;
      }
    }
    PhoneNumberFormat format =
        region.equals("US") && random.nextBoolean()
            ? PhoneNumberFormat.NATIONAL
            : random.nextInt(4) == 0 ? PhoneNumberFormat.E164 : PhoneNumberFormat.INTERNATIONAL;
    return phones.format(number, format);
  }

  private long usNumber() {
    int[] areas = {212, 415, 312, 617, 206, 305, 512, 303};
    return areas[random.nextInt(areas.length)] * 10_000_000L
        + (200 + random.nextInt(700)) * 10_000L
        + random.nextInt(10_000);
  }

  String card() {
    String[] prefixes = {"4", "4", "51", "55", "2221", "2720", "34", "37", "6011", "3530", "65"};
    String prefix = prefixes[random.nextInt(prefixes.length)];
    int length = prefix.startsWith("3") && !prefix.startsWith("35") ? 15 : 16;
    StringBuilder digits = new StringBuilder(prefix);
    while (digits.length() < length - 1) {
      digits.append(random.nextInt(10));
    }
    digits.append(luhnCheckDigit(digits.toString()));
    return group(digits.toString(), length == 15 ? new int[] {4, 6, 5} : new int[] {4, 4, 4, 4});
  }

  private String group(String digits, int[] groups) {
    String separator =
        switch (random.nextInt(3)) {
          case 0 -> "";
          case 1 -> " ";
          default -> "-";
        };
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int g : groups) {
      if (at > 0) {
        out.append(separator);
      }
      out.append(digits, at, at + g);
      at += g;
    }
    return out.toString();
  }

  static int luhnCheckDigit(String payload) {
    int sum = 0;
    boolean twice = true;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int d = payload.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return (10 - sum % 10) % 10;
  }

  String iban() {
    String[] countries = {"DE", "GB", "FR", "NL", "ES", "IT", "BE", "AT", "CH", "PL"};
    String country = countries[random.nextInt(countries.length)];
    int length = IbanDetector.LENGTHS.get(country);
    StringBuilder bban = new StringBuilder();
    if (country.equals("GB") || country.equals("NL")) {
      for (int i = 0; i < 4; i++) {
        bban.append((char) ('A' + random.nextInt(26)));
      }
    }
    while (bban.length() < length - 4) {
      bban.append(random.nextInt(10));
    }
    String iban = country + checkDigits(country, bban.toString()) + bban;
    if (random.nextBoolean()) {
      return iban;
    }
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < iban.length(); i += 4) {
      grouped.append(i == 0 ? "" : " ").append(iban, i, Math.min(iban.length(), i + 4));
    }
    return grouped.toString();
  }

  static String checkDigits(String country, String bban) {
    String rearranged = bban + country + "00";
    StringBuilder numeric = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    return String.format("%02d", check);
  }

  String ssn() {
    int area;
    do {
      area = 1 + random.nextInt(899);
    } while (area == 666);
    String separator = random.nextInt(4) == 0 ? " " : "-";
    return String.format(
        "%03d%s%02d%s%04d",
        area, separator, 1 + random.nextInt(99), separator, 1 + random.nextInt(9999));
  }

  String ipv4() {
    return (1 + random.nextInt(223))
        + "."
        + random.nextInt(256)
        + "."
        + random.nextInt(256)
        + "."
        + random.nextInt(256);
  }

  String ipv6() {
    StringBuilder out = new StringBuilder(random.nextBoolean() ? "2001:db8" : "fe80");
    int groups = random.nextBoolean() ? 6 : 2;
    if (groups == 2 || out.toString().equals("fe80")) {
      out.append("::");
      for (int g = 0; g < 2; g++) {
        out.append(g == 0 ? "" : ":").append(Integer.toHexString(1 + random.nextInt(0xffff)));
      }
      return out.toString();
    }
    for (int g = 0; g < groups; g++) {
      out.append(":").append(Integer.toHexString(random.nextInt(0x10000)));
    }
    return out.toString();
  }

  String nino() {
    String first = "ABCEGHJKLMNOPRSTWXYZ";
    String second = "ABCEGHJKLMNPRSTWXYZ";
    String prefix;
    do {
      prefix =
          ""
              + first.charAt(random.nextInt(first.length()))
              + second.charAt(random.nextInt(second.length()));
    } while (!NinoDetector.validPrefix(prefix.charAt(0), prefix.charAt(1)));
    String digits = String.format("%06d", random.nextInt(1_000_000));
    char suffix = "ABCD".charAt(random.nextInt(4));
    return random.nextBoolean()
        ? prefix + digits + suffix
        : prefix
            + " "
            + digits.substring(0, 2)
            + " "
            + digits.substring(2, 4)
            + " "
            + digits.substring(4)
            + " "
            + suffix;
  }

  String birthDate() {
    int year = 1940 + random.nextInt(65);
    int month = 1 + random.nextInt(12);
    int day = 1 + random.nextInt(28);
    return switch (random.nextInt(3)) {
      case 0 -> String.format("%d-%02d-%02d", year, month, day);
      case 1 -> String.format("%02d/%02d/%d", day, month, year);
      default ->
          day
              + " "
              + java.time.Month.of(month)
                  .getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
              + " "
              + year;
    };
  }

  /** Text that looks like personal data to a careless detector but is not. */
  String negative() {
    return switch (random.nextInt(24)) {
      case 0 -> "Order #" + (100000000 + random.nextInt(899999999)) + " shipped.";
      case 1 ->
          "Running v"
              + random.nextInt(9)
              + "."
              + random.nextInt(20)
              + "."
              + random.nextInt(20)
              + "."
              + random.nextInt(200);
      case 2 ->
          "version "
              + random.nextInt(12)
              + "."
              + random.nextInt(9)
              + "."
              + random.nextInt(30)
              + "."
              + random.nextInt(999);
      case 3 ->
          "at 2023-"
              + String.format(
                  "%02d-%02d %02d:%02d:%02d",
                  1 + random.nextInt(12),
                  1 + random.nextInt(28),
                  random.nextInt(24),
                  random.nextInt(60),
                  random.nextInt(60));
      case 4 -> "ts=" + (1_600_000_000_000L + random.nextInt(1_000_000_000));
      case 5 -> "ref " + luhnFailing();
      case 6 -> "bad iban " + invalidIban();
      case 7 -> String.format("id 000-%02d-%04d", 1 + random.nextInt(99), 1 + random.nextInt(9999));
      case 8 ->
          String.format("code %03d-00-%04d", 100 + random.nextInt(500), 1 + random.nextInt(9999));
      case 9 ->
          String.format(
              "case 9%02d-%02d-%04d",
              random.nextInt(100), 1 + random.nextInt(99), 1 + random.nextInt(9999));
      case 10 ->
          "mac 00:1A:2B:"
              + String.format(
                  "%02X:%02X:%02X", random.nextInt(256), random.nextInt(256), random.nextInt(256));
      case 11 -> "uuid " + new java.util.UUID(random.nextLong(), random.nextLong());
      case 12 -> "price $1,299.00 and 2,499.99";
      case 13 -> "npm i lodash@4.17." + random.nextInt(30) + " and ssh git@localhost";
      case 14 -> "@Override public String toString() { return \"x\"; }";
      case 15 -> "ISBN 978-3-16-148410-0";
      case 16 -> "released 12/03/2024 at 10:30:00";
      case 17 -> "coords 52.5200, 13.4050";
      case 18 -> "resolution 1920x1080 at 60Hz";
      case 19 -> "std::vector<int> v; a::b::c();";
      case 20 -> "sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
      case 21 -> "build 1.2.3.4.5 of " + random.nextInt(5000);
      case 22 -> String.format("SKU-%06d qty %d", random.nextInt(999999), random.nextInt(100));
      default -> "took " + random.nextInt(9999) + " ms, " + random.nextInt(9999999) + " bytes";
    };
  }

  private String luhnFailing() {
    StringBuilder digits = new StringBuilder("4");
    while (digits.length() < 15) {
      digits.append(random.nextInt(10));
    }
    int check = luhnCheckDigit(digits.toString());
    digits.append((check + 1 + random.nextInt(9)) % 10);
    return digits.toString();
  }

  private String invalidIban() {
    String valid = iban().replace(" ", "");
    char last = valid.charAt(valid.length() - 1);
    char changed =
        Character.isDigit(last) ? (char) ('0' + (last - '0' + 1 + random.nextInt(8)) % 10) : 'A';
    return valid.substring(0, valid.length() - 1) + changed;
  }

  /** The national identifier detectors, each planted valid and as look-alikes. */
  static final List<String> IDENTIFIERS =
      List.of(
          "de_tax_id",
          "fr_nir",
          "es_dni",
          "es_nie",
          "it_codice_fiscale",
          "nl_bsn",
          "pl_pesel",
          "se_personnummer",
          "be_national_number",
          "uk_nhs_number");

  /**
   * Texts with valid national identifiers (labelled) and, as negatives, the same identifiers with a
   * wrong check digit in the same places, and valid digit runs without their keyword where one is
   * required (an order number that happens to pass the 11-proof is not a BSN).
   */
  List<Sample> identifierSamples(int count) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Builder b = new Builder();
      int fragments = 1 + random.nextInt(3);
      for (int f = 0; f < fragments; f++) {
        b.plain(faker.lorem().sentence(4 + random.nextInt(8))).plain(" ");
        String kind = IDENTIFIERS.get(random.nextInt(IDENTIFIERS.size()));
        switch (random.nextInt(4)) {
          case 0, 1 -> plantIdentifier(b, kind, identifier(kind), true);
          case 2 -> plantIdentifier(b, kind, breakCheck(kind, identifier(kind)), false);
          default -> {
            if (needsKeyword(kind)) {
              b.plain(random.nextBoolean() ? "Order #" : "ref ")
                  .plain(digitsOnly(identifier(kind)))
                  .plain(" shipped.");
            } else {
              plantIdentifier(b, kind, identifier(kind), true);
            }
          }
        }
        b.plain(random.nextBoolean() ? "\n" : " ");
      }
      b.plain(negative());
      samples.add(b.build());
    }
    return samples;
  }

  private static boolean needsKeyword(String kind) {
    return switch (kind) {
      case "de_tax_id", "nl_bsn", "pl_pesel", "uk_nhs_number" -> true;
      default -> false;
    };
  }

  private void plantIdentifier(Builder b, String kind, String value, boolean label) {
    String variable = identifierVariable(kind);
    // Bare digits of the Swedish and Belgian numbers need their keyword: give them the label.
    boolean bare = value.chars().allMatch(Character::isDigit);
    String before =
        switch (random.nextInt(4)) {
          case 0 -> identifierLabel(kind, bare) + " ";
          case 1 -> "$" + variable + " = \"";
          case 2 -> "const " + variable + " = '";
          default -> "    \"" + variable + "\": \"";
        };
    b.plain(before);
    if (label) {
      b.value(kind, value);
    } else {
      b.plain(value);
    }
    b.plain(before.endsWith("'") ? "';" : before.endsWith("\"") ? "\"," : proseAfter());
  }

  private String identifierLabel(String kind, boolean bare) {
    return switch (kind) {
      case "de_tax_id" -> random.nextBoolean() ? "Steuer-ID:" : "Ihre IdNr";
      case "fr_nir" -> random.nextBoolean() ? "N° de sécurité sociale" : "Client";
      case "es_dni" -> random.nextBoolean() ? "DNI" : "Titular";
      case "es_nie" -> random.nextBoolean() ? "NIE:" : "Titular";
      case "it_codice_fiscale" -> random.nextBoolean() ? "Codice fiscale" : "Cliente";
      case "nl_bsn" -> random.nextBoolean() ? "BSN" : "Burgerservicenummer van de klant:";
      case "pl_pesel" -> random.nextBoolean() ? "PESEL" : "Numer PESEL:";
      case "se_personnummer" -> bare || random.nextBoolean() ? "Personnummer" : "Kund";
      case "be_national_number" -> bare || random.nextBoolean() ? "Rijksregisternummer" : "Klant";
      default -> random.nextBoolean() ? "NHS number" : "Patient's NHS no.";
    };
  }

  private static String identifierVariable(String kind) {
    return switch (kind) {
      case "de_tax_id" -> "steuer_id";
      case "fr_nir" -> "nir";
      case "es_dni" -> "dni";
      case "es_nie" -> "nie";
      case "it_codice_fiscale" -> "codiceFiscale";
      case "nl_bsn" -> "bsn";
      case "pl_pesel" -> "pesel";
      case "se_personnummer" -> "personnummer";
      case "be_national_number" -> "rijksregisternummer";
      default -> "nhsNumber";
    };
  }

  private static String digitsOnly(String value) {
    return value.replaceAll("[^0-9]", "");
  }

  /** A valid identifier of {@code kind}, in one of its written forms. */
  String identifier(String kind) {
    return switch (kind) {
      case "de_tax_id" -> taxId();
      case "fr_nir" -> nir();
      case "es_dni" -> dni();
      case "es_nie" -> nie();
      case "it_codice_fiscale" -> codiceFiscale();
      case "nl_bsn" -> bsn();
      case "pl_pesel" -> pesel();
      case "se_personnummer" -> personnummer();
      case "be_national_number" -> belgianNumber();
      case "uk_nhs_number" -> nhsNumber();
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /** The value with its last character (the check digit or letter) changed. */
  String breakCheck(String kind, String value) {
    char last = value.charAt(value.length() - 1);
    char changed =
        Character.isDigit(last)
            ? (char) ('0' + (last - '0' + 1 + random.nextInt(9)) % 10)
            : (char) ('A' + (last - 'A' + 1 + random.nextInt(25)) % 26);
    return value.substring(0, value.length() - 1) + changed;
  }

  private String digits(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(random.nextInt(10));
    }
    return out.toString();
  }

  String taxId() {
    String body;
    do {
      List<Integer> digits = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
      java.util.Collections.shuffle(digits, random);
      digits.set(random.nextInt(10), digits.get(random.nextInt(10)));
      StringBuilder out = new StringBuilder();
      digits.forEach(out::append);
      body = out.toString();
    } while (body.charAt(0) == '0'
        || !NationalIdentifiers.DeTaxId.valid(body + NationalIdentifiers.DeTaxId.checkDigit(body)));
    String id = body + NationalIdentifiers.DeTaxId.checkDigit(body);
    return random.nextBoolean()
        ? id
        : id.substring(0, 2)
            + " "
            + id.substring(2, 5)
            + " "
            + id.substring(5, 8)
            + " "
            + id.substring(8);
  }

  String nir() {
    String department =
        switch (random.nextInt(10)) {
          case 0 -> "2A";
          case 1 -> "2B";
          default -> String.format("%02d", 1 + random.nextInt(95));
        };
    String head =
        (1 + random.nextInt(2))
            + String.format("%02d%02d", random.nextInt(100), 1 + random.nextInt(12));
    String tail = String.format("%03d%03d", 1 + random.nextInt(999), 1 + random.nextInt(999));
    String numeric = department.equals("2A") ? "19" : department.equals("2B") ? "18" : department;
    String key = String.format("%02d", NationalIdentifiers.FrNir.key(head + numeric + tail));
    if (random.nextBoolean()) {
      return head + department + tail + key;
    }
    return head.charAt(0)
        + " "
        + head.substring(1, 3)
        + " "
        + head.substring(3)
        + " "
        + department
        + " "
        + tail.substring(0, 3)
        + " "
        + tail.substring(3)
        + " "
        + key;
  }

  String dni() {
    int number = random.nextInt(100_000_000);
    return String.format("%08d", number)
        + (random.nextInt(4) == 0 ? "-" : "")
        + NationalIdentifiers.spanishLetter(number);
  }

  String nie() {
    int prefix = random.nextInt(3);
    int number = random.nextInt(10_000_000);
    return "XYZ".charAt(prefix)
        + String.format("%07d", number)
        + NationalIdentifiers.spanishLetter(prefix * 10_000_000 + number);
  }

  String codiceFiscale() {
    StringBuilder code = new StringBuilder();
    String consonants = "BCDFGHJKLMNPRSTVZ";
    for (int i = 0; i < 6; i++) {
      code.append(consonants.charAt(random.nextInt(consonants.length())));
    }
    code.append(String.format("%02d", random.nextInt(100)));
    code.append("ABCDEHLMPRST".charAt(random.nextInt(12)));
    int day = 1 + random.nextInt(28) + (random.nextBoolean() ? 40 : 0);
    code.append(String.format("%02d", day));
    code.append((char) ('A' + random.nextInt(26)));
    code.append(String.format("%03d", 1 + random.nextInt(999)));
    code.append(NationalIdentifiers.ItCodiceFiscale.checkCharacter(code.toString()));
    return code.toString();
  }

  String bsn() {
    String id;
    do {
      id = (1 + random.nextInt(9)) + digits(8);
    } while (!NationalIdentifiers.NlBsn.valid(id));
    return switch (random.nextInt(3)) {
      case 0 -> id;
      case 1 -> id.substring(0, 4) + "." + id.substring(4, 6) + "." + id.substring(6);
      default -> id.substring(0, 3) + " " + id.substring(3, 6) + " " + id.substring(6);
    };
  }

  String pesel() {
    int year = 1940 + random.nextInt(80);
    int month = 1 + random.nextInt(12) + (year >= 2000 ? 20 : 0);
    String body =
        String.format("%02d%02d%02d", year % 100, month, 1 + random.nextInt(28)) + digits(4);
    return body + NationalIdentifiers.PlPesel.checkDigit(body);
  }

  String personnummer() {
    int year = 1930 + random.nextInt(85);
    String date = String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
    String nine = String.format("%02d", year % 100) + date + digits(3);
    String ten = nine + luhnCheckDigit(nine);
    return switch (random.nextInt(3)) {
      case 0 -> ten.substring(0, 6) + "-" + ten.substring(6);
      case 1 -> (year / 100) + ten.substring(0, 6) + "-" + ten.substring(6);
      default -> ten;
    };
  }

  String belgianNumber() {
    int year = 1930 + random.nextInt(90);
    String nine =
        String.format(
            "%02d%02d%02d%03d",
            year % 100, 1 + random.nextInt(12), 1 + random.nextInt(28), 1 + random.nextInt(997));
    long value = Long.parseLong(nine) + (year >= 2000 ? 2_000_000_000L : 0);
    String id = nine + String.format("%02d", 97 - value % 97);
    return random.nextBoolean()
        ? id
        : id.substring(0, 2)
            + "."
            + id.substring(2, 4)
            + "."
            + id.substring(4, 6)
            + "-"
            + id.substring(6, 9)
            + "."
            + id.substring(9);
  }

  String nhsNumber() {
    String nine;
    int check;
    do {
      nine = (4 + random.nextInt(4)) + digits(8);
      check = NationalIdentifiers.UkNhsNumber.checkDigit(nine);
    } while (check < 0);
    String id = nine + check;
    return random.nextBoolean()
        ? id
        : id.substring(0, 3) + " " + id.substring(3, 6) + " " + id.substring(6);
  }
}

package dev.wct.analysers.ruleset;

import java.util.List;

/** The names of the built-in value detectors a personal data ruleset may switch on. */
public final class KnownDetectors {
  public static final List<String> NAMES =
      List.of(
          "date_of_birth",
          "email_address",
          "iban",
          "ipv4_address",
          "ipv6_address",
          "payment_card",
          "phone_number",
          "uk_nino",
          "us_ssn");

  private KnownDetectors() {}
}

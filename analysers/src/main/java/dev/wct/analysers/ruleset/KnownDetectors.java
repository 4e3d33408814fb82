package dev.wct.analysers.ruleset;

import java.util.List;

/** The names of the built-in value detectors a personal data ruleset may switch on. */
public final class KnownDetectors {
  public static final List<String> NAMES =
      List.of(
          "be_national_number",
          "date_of_birth",
          "de_tax_id",
          "document_number",
          "email_address",
          "es_dni",
          "es_nie",
          "fr_nir",
          "iban",
          "ipv4_address",
          "ipv6_address",
          "it_codice_fiscale",
          "nl_bsn",
          "payment_card",
          "person_name",
          "phone_number",
          "pl_pesel",
          "se_personnummer",
          "uk_nhs_number",
          "uk_nino",
          "us_ssn");

  private KnownDetectors() {}
}

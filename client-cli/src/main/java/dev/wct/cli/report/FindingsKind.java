package dev.wct.cli.report;

import dev.wct.spi.message.SchemaRef;

/** The kinds of findings a report groups artifacts by, told apart by their schema name. */
public enum FindingsKind {
  PERSONAL_DATA("Personal data", "personal_data"),
  DATA_SUBJECTS("Data subjects", "data_subject"),
  PURPOSES("Processing purposes", "processing_purpose"),
  OTHER("Other findings", "");

  private final String title;
  private final String schemaStem;

  FindingsKind(String title, String schemaStem) {
    this.title = title;
    this.schemaStem = schemaStem;
  }

  public String title() {
    return title;
  }

  /** Indicator ({@code *_indicator}) and GDPR classification ({@code gdpr_*}) schemas. */
  public static boolean isFindings(SchemaRef schema) {
    return isClassified(schema) || schema.name().endsWith("_indicator");
  }

  /** GDPR classifications ({@code gdpr_*}), which supersede the indicators they classify. */
  public static boolean isClassified(SchemaRef schema) {
    return schema.name().startsWith("gdpr_");
  }

  public static FindingsKind of(SchemaRef schema) {
    for (FindingsKind kind : values()) {
      if (kind != OTHER && schema.name().contains(kind.schemaStem)) {
        return kind;
      }
    }
    return OTHER;
  }
}

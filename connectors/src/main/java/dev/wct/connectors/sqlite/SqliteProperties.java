package dev.wct.connectors.sqlite;

import dev.wct.connectors.jdbc.SamplingOptions;
import dev.wct.spi.properties.Property;

/** The properties of the {@code sqlite} connector. */
record SqliteProperties(
    @Property(
            description =
                "The database file; a relative path resolves against the working directory of"
                    + " the process that runs the connector. Never created.",
            required = true)
        String databasePath,
    @Property(description = "Which tables and how many rows.", flatten = true)
        SamplingOptions sampling) {}

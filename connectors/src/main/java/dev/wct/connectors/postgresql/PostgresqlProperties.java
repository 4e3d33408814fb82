package dev.wct.connectors.postgresql;

import dev.wct.connectors.jdbc.SamplingOptions;
import dev.wct.connectors.jdbc.ServerOptions;
import dev.wct.spi.properties.Property;
import java.util.List;

/** The properties of the {@code postgresql} connector. */
record PostgresqlProperties(
    @Property(description = "The server and the login.", flatten = true) ServerOptions server,
    @Property(description = "Schemas to read.", defaultValue = "public", minimum = 1)
        List<String> schemas,
    @Property(description = "Which tables and how many rows.", flatten = true)
        SamplingOptions sampling) {}

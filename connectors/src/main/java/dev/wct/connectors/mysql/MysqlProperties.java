package dev.wct.connectors.mysql;

import dev.wct.connectors.jdbc.SamplingOptions;
import dev.wct.connectors.jdbc.ServerOptions;
import dev.wct.spi.properties.Property;

/** The properties of the {@code mysql} connector. */
record MysqlProperties(
    @Property(description = "The server and the login.", flatten = true) ServerOptions server,
    @Property(description = "Which tables and how many rows.", flatten = true)
        SamplingOptions sampling) {}

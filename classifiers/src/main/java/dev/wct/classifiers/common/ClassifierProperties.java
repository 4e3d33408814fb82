package dev.wct.classifiers.common;

import dev.wct.spi.properties.Formats;
import dev.wct.spi.properties.Property;

/** The properties of the GDPR classifiers; each sets its own default ruleset. */
public record ClassifierProperties(
    @Property(
            description =
                "The classification ruleset: local/<name>/<version> or file:<path> (relative to"
                    + " the working directory)",
            pattern = Formats.RULESET,
            format = Formats.RULESET_FORMAT)
        String ruleset) {}

package dev.wct.analysers.sourcecode;

import dev.wct.spi.properties.Property;

/** The properties of {@code source_code_analyser}. */
public record SourceCodeProperties(
    @Property(description = "copy each file's content into its code unit", defaultValue = "true")
        boolean includeContent,
    @Property(
            description = "files with more characters are skipped and counted",
            defaultValue = "10485760",
            minimum = 1)
        long maxFileSize) {}

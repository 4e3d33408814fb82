package dev.wct.analysers.indicator;

import dev.wct.analysers.common.PatternMatching;
import dev.wct.spi.properties.Property;

/** The properties of {@code data_subject} and {@code processing_purpose}. */
public record IndicatorProperties(
    @Property(
            description = PatternMatching.GROUP_DESCRIPTION,
            flatten = true,
            alsoUnder = PatternMatching.GROUP)
        PatternMatching matching) {}

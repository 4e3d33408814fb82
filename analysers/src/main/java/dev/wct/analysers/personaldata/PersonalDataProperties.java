package dev.wct.analysers.personaldata;

import dev.wct.analysers.common.PatternMatching;
import dev.wct.spi.properties.Property;

/** The properties of {@code personal_data}. */
public record PersonalDataProperties(
    @Property(
            description = PatternMatching.GROUP_DESCRIPTION,
            flatten = true,
            alsoUnder = PatternMatching.GROUP)
        PatternMatching matching,
    @Property(
            description = "ISO 3166 region for phone numbers written without a country code",
            defaultValue = "US",
            pattern = "[A-Za-z]{2}",
            format = "a two-letter ISO 3166 region code")
        String defaultPhoneRegion) {}

package dev.wct.analysers.personaldata;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A necessary condition, read from libphonenumber's own metadata, for a digit run written without
 * {@code +} to hold a valid number of one region: either the run contains the region's
 * international prefix ({@code 011}, {@code 00}), or some part of it has a length and shape that a
 * national number of the region's calling code can have. Runs that fail it (a US-region {@code
 * 123-45-6789}) cannot hold a valid number and skip the costly {@code findNumbers}.
 *
 * <p>The shape test relies on a national number being a part of the digits as written; regions
 * whose parsing rewrites national numbers (a national prefix transform rule) are not filtered.
 */
final class PhonePrefilter {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final MetadataSource METADATA =
      DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();

  private final String region;
  private final boolean filters;
  private final Pattern internationalPrefix;
  private final int[] nationalLengths;
  private final Pattern nationalShape;
  private final Pattern validShape;
  private final boolean[] prefixOpeners;
  private final boolean[] nationalOpeners;
  private final Pattern leadingPrefix;
  private final Pattern leadingPrefixes;

  PhonePrefilter(String region) {
    this.region = region;
    int callingCode = PHONES.getCountryCodeForRegion(region);
    List<String> group = PHONES.getRegionCodesForCountryCode(callingCode);
    PhoneMetadata own = METADATA.getMetadataForRegion(region);
    PhoneMetadata main =
        METADATA.getMetadataForRegion(PHONES.getRegionCodeForCountryCode(callingCode));
    TreeSet<Integer> lengths = new TreeSet<>();
    List<String> shapes = new ArrayList<>();
    List<String> validShapes = new ArrayList<>();
    boolean unrestricted = false;
    for (String member : group) {
      PhoneMetadata metadata = METADATA.getMetadataForRegion(member);
      unrestricted |= metadata.getGeneralDesc().getPossibleLengthCount() == 0;
      lengths.addAll(metadata.getGeneralDesc().getPossibleLengthList());
      shapes.add("(?:" + metadata.getGeneralDesc().getNationalNumberPattern() + ")");
      for (PhoneNumberDesc type : typesOf(metadata)) {
        // libphonenumber's matcher never matches an empty pattern.
        if (!type.getNationalNumberPattern().isEmpty()) {
          validShapes.add("(?:" + type.getNationalNumberPattern() + ")");
        }
      }
    }
    this.filters =
        !unrestricted
            && !own.hasNationalPrefixTransformRule()
            && !main.hasNationalPrefixTransformRule()
            && !own.getInternationalPrefix().isEmpty();
    this.internationalPrefix = filters ? Pattern.compile(own.getInternationalPrefix()) : null;
    this.nationalLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
    this.nationalShape = Pattern.compile(String.join("|", shapes));
    this.validShape =
        validShapes.isEmpty()
            ? Pattern.compile("(?!)")
            : Pattern.compile(String.join("|", validShapes));
    this.prefixOpeners = filters ? openers(internationalPrefix) : null;
    this.nationalOpeners = openers(nationalShape);
    String nationalPrefix =
        own.hasNationalPrefixForParsing()
            ? own.getNationalPrefixForParsing()
            : own.getNationalPrefix();
    this.leadingPrefix =
        Pattern.compile(
            "(?:"
                + callingCode
                + ")?"
                + (nationalPrefix.isEmpty() ? "" : "(?:" + nationalPrefix + ")?"));
    this.leadingPrefixes =
        Pattern.compile(
            "(?:"
                + callingCode
                + ")?"
                + (nationalPrefix.isEmpty()
                    ? ""
                    : "(?:" + nationalPrefix + ")?(?:" + nationalPrefix + ")?"));
  }

  /** False if {@link #mayBeValid} is true for every input: the region is not filtered. */
  boolean filters() {
    return filters;
  }

  /**
   * The number types {@code isValidNumberForRegion} tries (its {@code getNumberTypeHelper}): a
   * valid national number matches the pattern of one of them.
   */
  private static List<PhoneNumberDesc> typesOf(PhoneMetadata metadata) {
    return List.of(
        metadata.getPremiumRate(),
        metadata.getTollFree(),
        metadata.getSharedCost(),
        metadata.getVoip(),
        metadata.getPersonalNumber(),
        metadata.getPager(),
        metadata.getUan(),
        metadata.getVoicemail(),
        metadata.getFixedLine(),
        metadata.getMobile());
  }

  /** Which digits a match of {@code pattern} can start with, so other positions skip the regex. */
  private static boolean[] openers(Pattern pattern) {
    boolean[] openers = new boolean[10];
    for (int digit = 0; digit < 10; digit++) {
      Matcher matcher = pattern.matcher(String.valueOf(digit));
      openers[digit] = matcher.lookingAt() || matcher.hitEnd();
    }
    return openers;
  }

  /** True if the region dials abroad with {@code prefix} ({@code 00} in most of the world). */
  boolean internationalPrefixMatches(String prefix) {
    String pattern = METADATA.getMetadataForRegion(region).getInternationalPrefix();
    return !pattern.isEmpty() && Pattern.matches(pattern, prefix);
  }

  /** False only if no valid number can be read from {@code digits} (a run without {@code +}). */
  boolean mayHoldValidNumber(CharSequence digits) {
    if (!filters) {
      return true;
    }
    int length = digits.length();
    Matcher prefix = internationalPrefix.matcher(digits);
    for (int start = 0; start < length; start++) {
      if (opens(prefixOpeners, digits, start)
          && prefix.region(start, length).lookingAt()
          && prefix.end() < length) {
        return true;
      }
    }
    Matcher national = nationalShape.matcher(digits);
    for (int nationalLength : nationalLengths) {
      for (int start = 0; start + nationalLength <= length; start++) {
        if (opens(nationalOpeners, digits, start)
            && national.region(start, start + nationalLength).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * False only if {@code digits}, read whole, cannot be a valid number: they do not open with the
   * international prefix, and no split into a leading calling code and/or national prefix and a
   * national number of a possible length and shape exists. This is the test for a run written
   * without white space: libphonenumber's {@code findNumbers} splits a candidate into groups only
   * at white space, so from such a run it can return the whole run or nothing.
   */
  boolean mayBeValidWhole(CharSequence digits) {
    if (!filters) {
      return true;
    }
    int length = digits.length();
    Matcher prefix = internationalPrefix.matcher(digits);
    if (length > 0
        && opens(prefixOpeners, digits, 0)
        && prefix.lookingAt()
        && prefix.end() < length) {
      return true;
    }
    Matcher national = nationalShape.matcher(digits);
    Matcher leading = leadingPrefix.matcher(digits);
    for (int nationalLength : nationalLengths) {
      int start = length - nationalLength;
      if (start >= 0
          && opens(nationalOpeners, digits, start)
          && national.region(start, length).matches()
          && leading.region(0, start).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * False only if no parse libphonenumber makes of {@code digits[from, to)} (written without {@code
   * +}) is a valid number: they do not open with the international prefix, and they are not a
   * national number of a possible length and shape, matching a number type of one of the calling
   * code's regions, after at most the calling code and two national prefixes. Two, because {@code
   * parse} may strip the calling code and a national prefix while it looks for the calling code and
   * then a national prefix again ({@code 1 1 1 212 555 0100} is the US number {@code 212 555
   * 0100}); {@link #mayBeValidWhole} allows one.
   */
  boolean mayBeValid(CharSequence digits, int from, int to) {
    if (!filters) {
      return true;
    }
    if (from < to && opens(prefixOpeners, digits, from)) {
      Matcher prefix = internationalPrefix.matcher(digits);
      if (prefix.region(from, to).lookingAt() && prefix.end() < to) {
        return true;
      }
    }
    Matcher national = null;
    Matcher leading = null;
    Matcher valid = null;
    for (int nationalLength : nationalLengths) {
      int start = to - nationalLength;
      if (start >= from && opens(nationalOpeners, digits, start)) {
        if (national == null) {
          national = nationalShape.matcher(digits);
          leading = leadingPrefixes.matcher(digits);
          valid = validShape.matcher(digits);
        }
        if (national.region(start, to).matches()
            && leading.region(from, start).matches()
            && valid.region(start, to).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean opens(boolean[] openers, CharSequence digits, int index) {
    return openers[digits.charAt(index) - '0'];
  }
}

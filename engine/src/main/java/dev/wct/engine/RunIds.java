package dev.wct.engine;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run IDs that sort by start time: {@code 20261122-153012-ab12cd} (UTC). */
public final class RunIds {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  public static String newRunId(Clock clock) {
    byte[] suffix = new byte[3];
    RANDOM.nextBytes(suffix);
    return STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
  }
}

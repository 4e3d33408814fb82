package dev.wct.connectors.filesystem;

import java.nio.charset.CodingErrorAction;

/** What to do with bytes that are not valid in the configured encoding. */
enum DecodeErrors {
  /** The file is not text in this encoding: skip it and count it as binary. */
  STRICT(CodingErrorAction.REPORT),
  /** Replace each malformed sequence with U+FFFD. */
  REPLACE(CodingErrorAction.REPLACE),
  /** Drop malformed sequences. */
  SKIP(CodingErrorAction.IGNORE);

  private final CodingErrorAction action;

  DecodeErrors(CodingErrorAction action) {
    this.action = action;
  }

  CodingErrorAction action() {
    return action;
  }
}

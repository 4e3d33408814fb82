package dev.wct.cli.options;

import java.util.regex.Pattern;

/** Quotes a word for a POSIX shell only when it needs it, so printed commands paste as they are. */
public final class ShellWords {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private ShellWords() {}

  public static String quote(String word) {
    return SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}

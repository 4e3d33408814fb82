package dev.wct.cli.options;

import picocli.CommandLine.Option;

/** The {@code --json} option of the commands that print either text or JSON. */
public final class JsonOption {
  @Option(names = "--json", description = "Print JSON instead of text.")
  private boolean json;

  public boolean enabled() {
    return json;
  }
}

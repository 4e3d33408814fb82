package dev.wct.cli.remote;

import dev.wct.workflows.run.RunbookWorkflow;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A run ID as {@code wct run} and {@code wct submit} print it, or its workflow ID. */
final class RunIdParameter implements ITypeConverter<String> {
  private static final String PREFIX = RunbookWorkflow.workflowId("");
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  @Override
  public String convert(String value) {
    String runId = value.strip();
    if (runId.startsWith(PREFIX)) {
      runId = runId.substring(PREFIX.length());
    }
    if (!RUN_ID.matcher(runId).matches()) {
      throw new TypeConversionException(
          "RUN_ID: expected a run ID such as 20261201-093000-ab12cd, got '" + value + "'");
    }
    return runId;
  }
}

package dev.wct.cli.run;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends java.util.logging (which gRPC uses) to SLF4J, so that nothing a library logs reaches the
 * console through JUL's default stderr handler.
 */
final class JulToSlf4j extends Handler {
  private JulToSlf4j() {}

  /** Replaces JUL's handlers with this bridge; idempotent. */
  static void install() {
    java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
    for (Handler handler : root.getHandlers()) {
      if (handler instanceof JulToSlf4j) {
        return;
      }
      root.removeHandler(handler);
    }
    root.addHandler(new JulToSlf4j());
    root.setLevel(Level.INFO);
  }

  @Override
  public void publish(LogRecord record) {
    Logger logger =
        LoggerFactory.getLogger(record.getLoggerName() == null ? "jul" : record.getLoggerName());
    String message = record.getMessage();
    Throwable thrown = record.getThrown();
    int level = record.getLevel().intValue();
    if (level >= Level.SEVERE.intValue()) {
      logger.error(message, thrown);
    } else if (level >= Level.WARNING.intValue()) {
      logger.warn(message, thrown);
    } else if (level >= Level.INFO.intValue()) {
      logger.info(message, thrown);
    } else {
      logger.debug(message, thrown);
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}

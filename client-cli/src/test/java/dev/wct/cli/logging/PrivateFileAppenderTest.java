package dev.wct.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFileAppenderTest {
  @TempDir Path dir;

  @Test
  void theLogAndItsFolderAreTheOwnersOnly() throws Exception {
    Path log = dir.resolve("store/wct.log");
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%msg%n");
    encoder.start();
    PrivateFileAppender<ILoggingEvent> appender = new PrivateFileAppender<>();
    appender.setContext(context);
    appender.setFile(log.toString());
    appender.setEncoder(encoder);
    appender.start();

    appender.doAppend(
        new LoggingEvent(
            "test", context.getLogger("dev.wct"), Level.INFO, "run r-1 started", null, null));
    appender.stop();

    assertThat(Files.readString(log)).isEqualTo("run r-1 started\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.getParent())))
        .isEqualTo("rwx------");
  }
}

package dev.wct.store.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folders a store remembers stay few however many runs a long-lived worker writes. */
class KnownFoldersTest {
  @TempDir Path dir;

  @Test
  void theRememberedFoldersDoNotGrowWithTheRuns() throws Exception {
    KnownFolders folders = new KnownFolders();
    for (int run = 0; run < KnownFolders.LIMIT + 10; run++) {
      Path folder = dir.resolve("run-" + run);
      folders.make(folder);
      assertThat(folder).isDirectory();
    }
    assertThat(folders.size()).isLessThanOrEqualTo(KnownFolders.LIMIT);
  }

  @Test
  void aForgottenFolderIsMadeAgainWhenItWasRemoved() throws Exception {
    KnownFolders folders = new KnownFolders();
    Path folder = dir.resolve("runs/r1/artifacts");
    folders.make(folder);
    Files.delete(folder);

    try (var channel = folders.createTemp(folder.resolve(".a.json.x.tmp"))) {
      assertThat(channel.isOpen()).isTrue();
    }
    assertThat(folder).isDirectory();
  }
}

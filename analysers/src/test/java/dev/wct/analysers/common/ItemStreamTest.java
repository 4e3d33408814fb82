package dev.wct.analysers.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.analysers.testing.Inputs;
import dev.wct.testkit.RecordingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemStreamTest {
  @Test
  void bigItemsHeartbeatByTheirSizeNotOnlyByTheirCount() {
    // Four items of 5 MiB: far fewer than the item interval, but 20 MiB of text to go through.
    String content = "x".repeat(5 * 1024 * 1024);
    List<JsonNode> items = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      items.add(Inputs.file("big-" + i + ".txt", content));
    }
    RecordingContext context = new RecordingContext(Path.of("."), "run-1", "pii");

    ItemStream.Totals totals =
        ItemStream.forEach(context, List.of(Inputs.standardInput(items)), item -> {});

    assertThat(totals.items()).isEqualTo(4);
    // After the second item (10 MiB) and the fourth (20 MiB), then the closing beat.
    assertThat(context.heartbeats()).containsExactly(2L, 4L, 4L);
  }
}

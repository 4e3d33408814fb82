package dev.wct.connectors.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting a text into bounded chunks at line (row) boundaries, with the file's line numbers. */
class TextChunkerTest {
  private static List<TextChunker.Chunk> split(String text, int maxChars, boolean csv)
      throws Exception {
    List<TextChunker.Chunk> chunks = new ArrayList<>();
    new TextChunker(maxChars, csv).split(new StringReader(text), chunks::add);
    return chunks;
  }

  /** The chunks' own text, without the copied lines, put back together. */
  private static String reassembled(List<TextChunker.Chunk> chunks) {
    StringBuilder text = new StringBuilder();
    for (TextChunker.Chunk chunk : chunks) {
      String own = chunk.text();
      for (int i = 0; i < chunk.contextLines(); i++) {
        own = own.substring(own.indexOf('\n') + 1);
      }
      text.append(own);
    }
    return text.toString();
  }

  @Test
  void textIsCutAtLineEndsAndEachChunkKnowsItsFirstLine() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 100; i++) {
      text.append("line ").append(i).append(" of the log\n");
    }

    List<TextChunker.Chunk> chunks = split(text.toString(), 200, false);

    assertThat(chunks).hasSizeGreaterThan(5);
    assertThat(reassembled(chunks)).isEqualTo(text.toString());
    for (TextChunker.Chunk chunk : chunks) {
      assertThat(chunk.contextLines()).isZero();
      assertThat(chunk.text()).startsWith("line " + chunk.firstLine() + " of the log\n");
      assertThat(chunk.text()).endsWith("\n");
      assertThat(chunk.text().length()).isLessThanOrEqualTo(200 + 50);
    }
    assertThat(chunks).extracting(TextChunker.Chunk::index).startsWith(0, 1, 2);
  }

  @Test
  void everyCsvChunkAfterTheFirstStartsWithTheHeaderAndFirstRow() throws Exception {
    StringBuilder csv = new StringBuilder("id,name,email\n");
    for (int i = 1; i <= 60; i++) {
      csv.append(i).append(",Person ").append(i).append(",p").append(i).append("@example.com\n");
    }

    List<TextChunker.Chunk> chunks = split(csv.toString(), 300, true);

    assertThat(chunks).hasSizeGreaterThan(3);
    assertThat(chunks.get(0).contextLines()).isZero();
    assertThat(chunks.get(0).firstLine()).isEqualTo(1);
    for (TextChunker.Chunk chunk : chunks.subList(1, chunks.size())) {
      assertThat(chunk.contextLines()).isEqualTo(2);
      assertThat(chunk.text()).startsWith("id,name,email\n1,Person 1,p1@example.com\n");
      String firstOwn = chunk.text().split("\n")[2];
      assertThat(firstOwn).startsWith((chunk.firstLine() - 1) + ",Person ");
    }
    assertThat(reassembled(chunks)).isEqualTo(csv.toString());
  }

  @Test
  void aQuotedFieldWithLineBreaksIsNeverCutAndItsLinesStillCount() throws Exception {
    StringBuilder csv = new StringBuilder("id,note\n");
    for (int i = 1; i <= 40; i++) {
      csv.append(i).append(",\"first line of note ").append(i).append("\nsecond line\"\n");
    }

    List<TextChunker.Chunk> chunks = split(csv.toString(), 240, true);

    assertThat(chunks).hasSizeGreaterThan(5);
    assertThat(reassembled(chunks)).isEqualTo(csv.toString());
    for (TextChunker.Chunk chunk : chunks.subList(1, chunks.size())) {
      // header (1 line) and first row (2 lines)
      assertThat(chunk.contextLines()).isEqualTo(3);
      String[] lines = chunk.text().split("\n");
      assertThat(lines[3]).startsWith(((chunk.firstLine() - 2) / 2 + 1) + ",\"first line");
      assertThat(chunk.firstLine() % 2).isZero(); // rows start on even lines
    }
  }

  @Test
  void aLineLongerThanAChunkIsCutInsideAndGoesOnInTheNext() throws Exception {
    String text = "short\n" + "x".repeat(1000) + "\nend\n";

    List<TextChunker.Chunk> chunks = split(text, 100, false);

    assertThat(reassembled(chunks)).isEqualTo(text);
    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.text().length()).isLessThan(200));
    assertThat(chunks.get(chunks.size() - 1).firstLine()).isEqualTo(2); // still line 2
    assertThat(chunks.get(chunks.size() - 1).text()).endsWith("x\nend\n");
  }

  @Test
  void aTextWithoutFinalLineBreakKeepsItsLastLine() throws Exception {
    List<TextChunker.Chunk> chunks = split("a\nb\nc", 1000, false);

    assertThat(chunks).hasSize(1);
    assertThat(chunks.get(0).text()).isEqualTo("a\nb\nc");
  }
}

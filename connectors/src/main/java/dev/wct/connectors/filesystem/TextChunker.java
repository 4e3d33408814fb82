package dev.wct.connectors.filesystem;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

/**
 * Cuts a text read incrementally into chunks of about {@code maxChars} characters of its own, at
 * line boundaries (at row boundaries in a CSV or TSV file, whose quoted fields may hold line
 * breaks), so that a file of any size is read with one chunk in memory. A chunk ends at the first
 * boundary at or after {@code maxChars} characters; a line running on past 1.25 times {@code
 * maxChars} is cut inside, and the next chunk goes on with the same line.
 *
 * <p>Every chunk of a CSV or TSV file after the first starts with the file's first two rows (its
 * header and first data row, the {@code contextLines}), so that its columns are named, and the
 * header told from data, exactly as in the first chunk. These lines were read in the first chunk
 * already and are not to be scanned again.
 */
final class TextChunker {
  /**
   * A chunk: {@code text} starts with {@code contextLines} lines copied from the file's head, then
   * goes on with line {@code firstLine} (1-based) of the file.
   */
  record Chunk(int index, String text, long firstLine, int contextLines) {}

  /** Receives the chunks in file order. */
  @FunctionalInterface
  interface Sink {
    void accept(Chunk chunk) throws IOException;
  }

  private static final int CONTEXT_ROWS = 2;

  private final int maxChars;
  private final boolean csv;

  TextChunker(int maxChars, boolean csv) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive, got " + maxChars);
    }
    this.maxChars = maxChars;
    this.csv = csv;
  }

  /** True for the files whose chunks carry their header rows: CSV and TSV. */
  static boolean isCsv(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".csv") || lower.endsWith(".tsv");
  }

  /** Reads {@code in} to its end, giving {@code sink} each chunk; returns how many there were. */
  int split(Reader in, Sink sink) throws IOException {
    StringBuilder chunk = new StringBuilder();
    StringBuilder context = csv ? new StringBuilder() : null;
    int contextLines = 0;
    int contextRows = 0;
    int chunkContextLines = 0;
    int ownStart = 0;
    long nextLine = 1;
    long chunkFirstLine = 1;
    int index = 0;
    boolean quoted = false;
    boolean atBoundary = true;
    char[] buffer = new char[8192];
    int length = 0;
    int position = 0;
    while (true) {
      if (position == length) {
        length = in.read(buffer);
        position = 0;
        if (length < 0) {
          break;
        }
        continue;
      }
      char c = buffer[position++];
      int own = chunk.length() - ownStart;
      if (own > 0 && (atBoundary && own >= maxChars || own >= maxChars + maxLineSlack())) {
        sink.accept(new Chunk(index++, chunk.toString(), chunkFirstLine, chunkContextLines));
        chunk.setLength(0);
        chunkContextLines = 0;
        if (context != null && contextRows >= CONTEXT_ROWS) {
          chunk.append(context);
          chunkContextLines = contextLines;
        }
        ownStart = chunk.length();
        chunkFirstLine = nextLine;
      }
      chunk.append(c);
      if (context != null && contextRows < CONTEXT_ROWS) {
        context.append(c);
        if (context.length() > maxLineSlack()) {
          context = null; // rows that long name no columns worth repeating
        }
      }
      if (c == '"' && csv) {
        quoted = !quoted;
      }
      if (c == '\n') {
        nextLine++;
        atBoundary = !quoted;
        if (context != null && contextRows < CONTEXT_ROWS) {
          contextLines++;
          if (!quoted) {
            contextRows++;
          }
        }
      } else {
        atBoundary = false;
      }
    }
    if (chunk.length() > ownStart || index == 0) {
      sink.accept(new Chunk(index++, chunk.toString(), chunkFirstLine, chunkContextLines));
    }
    return index;
  }

  /**
   * How far past {@code maxChars} a chunk may grow to end at a line boundary: a line (or row)
   * longer than this is cut inside, so that one chunk stays bounded.
   */
  private int maxLineSlack() {
    return Math.max(1, maxChars / 4);
  }
}

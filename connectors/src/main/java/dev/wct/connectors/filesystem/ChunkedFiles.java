package dev.wct.connectors.filesystem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which files are read in chunks instead of whole, and the reading of a text file in chunks: the
 * text files (CSV and TSV with their header rows repeated, JSON Lines, logs, code) over {@code
 * max_item_chars} are cut by {@link TextChunker} while they are read, and a PDF gives its pages as
 * they are extracted. The other files (a JSON document, an Office document) are read whole, so only
 * they need a size cap by default.
 */
final class ChunkedFiles {
  /** What reading a file in chunks gave. */
  enum Outcome {
    READ,
    /**
     * Not text in the encoding under {@code errors: strict}: skipped as binary, nothing written.
     */
    UNDECODABLE,
    UNREADABLE,
    NO_PERMISSION
  }

  private final Charset charset;
  private final DecodeErrors errors;
  private final int maxItemChars;

  ChunkedFiles(Charset charset, DecodeErrors errors, int maxItemChars) {
    this.charset = charset;
    this.errors = errors;
    this.maxItemChars = maxItemChars;
  }

  /**
   * True for a file whose text may be cut into several items: any text file but a JSON document (a
   * {@code .json} file is one value, read whole), and a PDF, read page by page.
   */
  static boolean streams(String relativePath, boolean document) {
    String lower = relativePath.toLowerCase(Locale.ROOT);
    return document ? lower.endsWith(".pdf") : !lower.endsWith(".json");
  }

  /** True for a text file to read in chunks: one that streams and may hold more than one item. */
  boolean chunks(FileScan.Candidate file) {
    return !file.document() && file.size() > maxItemChars && streams(file.relativePath(), false);
  }

  /**
   * Reads {@code file} chunk by chunk into {@code sink}. Under {@code errors: strict} the file is
   * first decoded once without keeping anything, so that a file that is not text gives no item
   * rather than some.
   */
  Outcome read(FileScan.Candidate file, TextChunker.Sink sink) {
    try {
      if (errors == DecodeErrors.STRICT && !decodes(file.file())) {
        return Outcome.UNDECODABLE;
      }
      try (Reader in = reader(file.file())) {
        new TextChunker(maxItemChars, TextChunker.isCsv(file.relativePath())).split(in, sink);
      }
      return Outcome.READ;
    } catch (AccessDeniedException e) {
      return Outcome.NO_PERMISSION;
    } catch (CharacterCodingException e) {
      return Outcome.UNDECODABLE; // changed since it was checked
    } catch (IOException e) {
      return Outcome.UNREADABLE;
    }
  }

  private Reader reader(Path file) throws IOException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(errors.action())
            .onUnmappableCharacter(errors.action());
    return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
  }

  private boolean decodes(Path file) throws IOException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(DecodeErrors.STRICT.action())
            .onUnmappableCharacter(DecodeErrors.STRICT.action());
    ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    CharBuffer chars = CharBuffer.allocate(1 << 16);
    try (InputStream stream = Files.newInputStream(file);
        ReadableByteChannel channel = Channels.newChannel(stream)) {
      boolean end = false;
      while (!end) {
        end = channel.read(bytes) < 0;
        bytes.flip();
        CoderResult result;
        do {
          result = decoder.decode(bytes, chars, end);
          chars.clear();
          if (result.isError()) {
            return false;
          }
        } while (result.isOverflow());
        bytes.compact();
      }
      CoderResult result = decoder.flush(chars);
      return !result.isError();
    }
  }
}

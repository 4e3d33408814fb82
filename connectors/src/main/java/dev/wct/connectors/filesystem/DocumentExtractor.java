package dev.wct.connectors.filesystem;

import dev.wct.spi.coverage.SkipReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Extracts the text of an office document, PDF, RTF or e-mail through Apache Tika, split into the
 * parts Tika marks: a PDF's pages, a spreadsheet's sheets (one line per non-empty row, cells
 * separated by tabs), a presentation's slides; other documents are one part. The text is bounded by
 * {@code maxChars}: past it the rest of the document is not read and the result says so. Embedded
 * documents (attachments, pictures' text) are not opened.
 */
final class DocumentExtractor {
  /** File name extensions read as documents instead of as text. */
  static final Set<String> EXTENSIONS =
      Set.of(
          "pdf", "docx", "docm", "dotx", "xlsx", "xlsm", "pptx", "pptm", "doc", "xls", "ppt", "odt",
          "ods", "odp", "rtf", "eml", "msg");

  private final long maxChars;
  private Parser parser;

  DocumentExtractor(long maxChars) {
    this.maxChars = maxChars;
  }

  static boolean isDocument(String path) {
    int dot = path.lastIndexOf('.');
    return dot >= 0 && EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * One part of a document: a sheet (named), a page of a PDF or a slide of a presentation (numbered
   * from 1), or the whole document when both are null.
   */
  record Part(String sheet, Integer page, String text) {}

  /**
   * What reading a document gave: its parts, or why it gave none ({@code failure}: {@link
   * SkipReason#ENCRYPTED}, {@link SkipReason#CORRUPT}, {@link SkipReason#UNREADABLE}).
   */
  record Result(List<Part> parts, boolean truncated, String contentType, SkipReason failure) {
    Result {
      parts = List.copyOf(parts);
    }

    static Result failed(SkipReason reason) {
      return new Result(List.of(), false, null, reason);
    }
  }

  Result extract(Path file, String relativePath) {
    try (InputStream in = Files.newInputStream(file)) {
      return extract(in, file.getFileName().toString(), relativePath);
    } catch (IOException e) {
      return Result.failed(SkipReason.UNREADABLE);
    }
  }

  /**
   * Reads a document from {@code in} (an archive entry), {@code fileName} telling Tika its type.
   */
  Result extract(InputStream in, String fileName, String relativePath) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    PartHandler handler = new PartHandler(PartKind.of(relativePath), maxChars);
    boolean truncated = false;
    if (parser == null) {
      parser = new AutoDetectParser(); // loads every parser: only once a document is met
    }
    try {
      parser.parse(in, handler, metadata, new ParseContext());
    } catch (EncryptedDocumentException e) {
      return Result.failed(SkipReason.ENCRYPTED);
    } catch (IOException e) {
      return Result.failed(SkipReason.UNREADABLE);
    } catch (SAXException | TikaException | RuntimeException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        return Result.failed(encrypted(e) ? SkipReason.ENCRYPTED : SkipReason.CORRUPT);
      }
      truncated = true;
    }
    return new Result(handler.parts(), truncated, metadata.get(Metadata.CONTENT_TYPE), null);
  }

  private static boolean encrypted(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof EncryptedDocumentException
          || cause instanceof org.apache.poi.EncryptedDocumentException
          || cause instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException) {
        return true;
      }
    }
    return false;
  }

  /** How a format's parts are named. */
  private enum PartKind {
    PAGE,
    SHEET,
    SLIDE,
    WHOLE;

    static PartKind of(String path) {
      String lower = path.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".pdf")) {
        return PAGE;
      }
      if (lower.matches(".*\\.(xlsx|xlsm|xls)$")) {
        return SHEET;
      }
      if (lower.matches(".*\\.(pptx|pptm|ppt)$")) {
        return SLIDE;
      }
      return WHOLE;
    }
  }

  /**
   * Turns Tika's XHTML into parts of plain text: {@code <div class="page">} starts a PDF page,
   * {@code <div class="sheet">} a sheet (named by the {@code <h1>} Tika writes first), {@code <div
   * class="slide-content">} a slide, numbered like a page.
   */
  private static final class PartHandler extends DefaultHandler {
    private static final Set<String> BLOCKS =
        Set.of("p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "title", "pre");

    private final PartKind kind;
    private final long maxChars;
    private final List<Part> parts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private String sheet;
    private Integer page;
    private int count;
    private long written;
    private boolean inBody;
    private boolean readingSheetName;
    private final StringBuilder sheetName = new StringBuilder();

    PartHandler(PartKind kind, long maxChars) {
      this.kind = kind;
      this.maxChars = maxChars;
    }

    List<Part> parts() {
      flush();
      return parts;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes attributes) {
      String element = local.isEmpty() ? qName : local;
      if (element.equals("body")) {
        inBody = true;
        return;
      }
      if (element.equals("div")) {
        String type = Objects.toString(attributes.getValue("class"), "");
        boolean newPage =
            (type.equals("page") && kind == PartKind.PAGE)
                || ((type.equals("sheet") || type.equals("page")) && kind == PartKind.SHEET);
        boolean slide = type.equals("slide-content") && kind == PartKind.SLIDE;
        if (newPage || slide) {
          flush();
          count++;
          if (kind == PartKind.SHEET) {
            sheet = String.valueOf(count);
          } else {
            page = count;
          }
          readingSheetName = kind == PartKind.SHEET;
          sheetName.setLength(0);
        }
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      String element = local.isEmpty() ? qName : local;
      if (readingSheetName && element.equals("h1")) {
        readingSheetName = false;
        if (!sheetName.toString().isBlank()) {
          sheet = sheetName.toString().strip();
        }
        return;
      }
      if (element.equals("td") || element.equals("th")) {
        separate('\t');
      } else if (BLOCKS.contains(element)) {
        separate('\n');
      }
    }

    @Override
    public void characters(char[] chars, int start, int length) throws SAXException {
      if (!inBody) {
        return;
      }
      if (readingSheetName) {
        sheetName.append(chars, start, length);
        return;
      }
      if (written + length > maxChars) {
        int room = (int) Math.max(0, maxChars - written);
        text.append(chars, start, room);
        written += room;
        throw new WriteLimitReachedException((int) Math.min(maxChars, Integer.MAX_VALUE));
      }
      text.append(chars, start, length);
      written += length;
    }

    /** Tika's layout whitespace is left out: {@link #separate} writes the text's own. */
    @Override
    public void ignorableWhitespace(char[] chars, int start, int length) {}

    private void separate(char separator) {
      int last = text.length() - 1;
      if (last >= 0 && written < maxChars && text.charAt(last) != '\n') {
        if (text.charAt(last) == '\t') {
          text.setCharAt(last, separator);
        } else {
          text.append(separator);
          written++;
        }
      }
    }

    private void flush() {
      String part = text.toString().strip();
      if (!part.isEmpty()) {
        parts.add(new Part(sheet, page, part));
      }
      text.setLength(0);
    }
  }
}

package dev.wct.connectors.filesystem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.coverage.SkipReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Extracts the text of an office document, PDF, RTF or e-mail through Apache Tika, split into the
 * parts Tika marks: a PDF's pages, a spreadsheet's sheets (one line per non-empty row, cells
 * separated by tabs), a presentation's slides; other documents are one part. The text is bounded by
 * {@code maxChars}: past it the rest of the document is not read and the result says so. Embedded
 * documents (attachments, pictures' text) are not opened.
 *
 * <p>Parts are handed on as they are extracted: a PDF's pages while the next are being read, so
 * that only the parser's own state and one page are in memory. PDFBox reads the file in place
 * (random access, no copy) and keeps at most {@link #PDF_MAIN_MEMORY_BYTES} of the streams it
 * decodes in memory, the rest in temporary files it deletes when the document is closed; what it
 * does hold is the cross-reference table and the objects parsed so far (page dictionaries, fonts).
 * Other formats are parsed by Tika whole (a DOCX's or a presentation's document model), which is
 * why {@code max_file_size} caps them.
 */
final class DocumentExtractor {
  /** File name extensions read as documents instead of as text. */
  static final Set<String> EXTENSIONS =
      Set.of(
          "pdf", "docx", "docm", "dotx", "xlsx", "xlsm", "pptx", "pptm", "doc", "xls", "ppt", "odt",
          "ods", "odp", "rtf", "eml", "msg");

  /** Bytes of decoded PDF streams PDFBox keeps in memory before it spills to a temporary file. */
  static final long PDF_MAIN_MEMORY_BYTES = 8L * 1024 * 1024;

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
  record Part(String sheet, Integer page, String text, String contentType) {
    /** Puts the part's place and content type into an item's {@code metadata}. */
    void describe(ObjectNode metadata) {
      if (sheet != null) {
        metadata.put("sheet", sheet);
      }
      if (page != null) {
        metadata.put("page", page);
      }
      if (contentType != null) {
        metadata.put("content_type", contentType);
      }
    }
  }

  /**
   * What reading a document gave: how many parts it handed on, and why it stopped early when it did
   * ({@code failure}: {@link SkipReason#ENCRYPTED}, {@link SkipReason#CORRUPT}, {@link
   * SkipReason#UNREADABLE}); parts handed on before a failure stay handed on.
   */
  record Result(int parts, boolean truncated, SkipReason failure) {
    static Result failed(int parts, SkipReason reason) {
      return new Result(parts, false, reason);
    }
  }

  /**
   * Extracts {@code file}, handing each part to {@code parts} as soon as it is complete. The file
   * is given to Tika as a file, so that PDFBox reads it in place rather than from a copy.
   */
  Result extract(Path file, String relativePath, Consumer<Part> parts) {
    try (InputStream in = TikaInputStream.get(file)) {
      return extract(in, file.getFileName().toString(), relativePath, parts);
    } catch (IOException e) {
      return Result.failed(0, SkipReason.UNREADABLE);
    }
  }

  /**
   * Reads a document from {@code in} (an archive entry), {@code fileName} telling Tika its type,
   * handing each part to {@code parts} as soon as it is complete.
   */
  Result extract(InputStream in, String fileName, String relativePath, Consumer<Part> parts) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    PartHandler handler = new PartHandler(PartKind.of(relativePath), maxChars, metadata, parts);
    boolean truncated = false;
    if (parser == null) {
      parser = new AutoDetectParser(); // loads every parser: only once a document is met
    }
    try {
      parser.parse(in, handler, metadata, parseContext());
    } catch (EncryptedDocumentException e) {
      return Result.failed(handler.count(), SkipReason.ENCRYPTED);
    } catch (IOException e) {
      return Result.failed(handler.count(), SkipReason.UNREADABLE);
    } catch (SAXException | TikaException | RuntimeException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        return Result.failed(
            handler.count(), encrypted(e) ? SkipReason.ENCRYPTED : SkipReason.CORRUPT);
      }
      truncated = true;
    }
    handler.finish();
    return new Result(handler.count(), truncated, null);
  }

  private static ParseContext parseContext() {
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setMaxMainMemoryBytes(PDF_MAIN_MEMORY_BYTES);
    pdf.setExtractIncrementalUpdateInfo(false);
    pdf.setParseIncrementalUpdates(false);
    pdf.setExtractInlineImages(false);
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    ParseContext context = new ParseContext();
    context.set(PDFParserConfig.class, pdf);
    return context;
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
    private final Metadata metadata;
    private final Consumer<Part> parts;
    private int handedOn;
    private final StringBuilder text = new StringBuilder();
    private String sheet;
    private Integer page;
    private int count;
    private long written;
    private boolean inBody;
    private boolean readingSheetName;
    private final StringBuilder sheetName = new StringBuilder();

    PartHandler(PartKind kind, long maxChars, Metadata metadata, Consumer<Part> parts) {
      this.kind = kind;
      this.maxChars = maxChars;
      this.metadata = metadata;
      this.parts = parts;
    }

    /** Hands on the last part. */
    void finish() {
      flush();
    }

    int count() {
      return handedOn;
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
        parts.accept(new Part(sheet, page, part, metadata.get(Metadata.CONTENT_TYPE)));
        handedOn++;
      }
      text.setLength(0);
    }
  }
}

package dev.wct.testkit.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Real documents written by the libraries themselves (POI, PDFBox) or by hand to the format's
 * specification (OpenDocument, RTF, e-mail), for tests that plant values in them. No third-party
 * file is ever committed.
 */
public final class Documents {
  private Documents() {}

  /** A DOCX with one paragraph per line. */
  public static Path docx(Path file, String... paragraphs) throws IOException {
    try (XWPFDocument document = new XWPFDocument();
        OutputStream out = create(file)) {
      for (String paragraph : paragraphs) {
        document.createParagraph().createRun().setText(paragraph);
      }
      document.write(out);
    }
    return file;
  }

  /** An XLSX with one sheet per entry, each a list of rows of cells. */
  public static Path xlsx(Path file, Map<String, List<List<String>>> sheets) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = create(file)) {
      for (Map.Entry<String, List<List<String>>> entry : sheets.entrySet()) {
        XSSFSheet sheet = workbook.createSheet(entry.getKey());
        List<List<String>> rows = entry.getValue();
        for (int r = 0; r < rows.size(); r++) {
          XSSFRow row = sheet.createRow(r);
          for (int c = 0; c < rows.get(r).size(); c++) {
            row.createCell(c).setCellValue(rows.get(r).get(c));
          }
        }
      }
      workbook.write(out);
    }
    return file;
  }

  /** A PPTX with one text box per slide. */
  public static Path pptx(Path file, String... slides) throws IOException {
    try (XMLSlideShow show = new XMLSlideShow();
        OutputStream out = create(file)) {
      for (String text : slides) {
        XSLFTextBox box = show.createSlide().createTextBox();
        box.setAnchor(new java.awt.geom.Rectangle2D.Double(50, 50, 600, 100));
        box.setText(text);
      }
      show.write(out);
    }
    return file;
  }

  /** A PDF with one page per entry, each page's text in lines. */
  public static Path pdf(Path file, String... pages) throws IOException {
    return pdf(file, null, pages);
  }

  /** A PDF that opens only with {@code password}. */
  public static Path encryptedPdf(Path file, String password, String... pages) throws IOException {
    return pdf(file, password, pages);
  }

  private static Path pdf(Path file, String password, String... pages) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (String text : pages) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
          stream.beginText();
          stream.setFont(font, 12);
          stream.setLeading(16);
          stream.newLineAtOffset(72, 700);
          for (String line : text.split("\n", -1)) {
            stream.showText(line);
            stream.newLine();
          }
          stream.endText();
        }
      }
      if (password != null) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy(password, password, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      document.save(file.toFile());
    }
    return file;
  }

  /** An OpenDocument text (ODT) with one paragraph per line, written to the ODF 1.2 layout. */
  public static Path odt(Path file, String... paragraphs) throws IOException {
    StringBuilder body = new StringBuilder();
    for (String paragraph : paragraphs) {
      body.append("<text:p>").append(xml(paragraph)).append("</text:p>");
    }
    String content =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<office:document-content"
            + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
            + " office:version=\"1.2\"><office:body><office:text>"
            + body
            + "</office:text></office:body></office:document-content>";
    String manifest =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<manifest:manifest"
            + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
            + " manifest:version=\"1.2\">"
            + "<manifest:file-entry manifest:full-path=\"/\""
            + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
            + "<manifest:file-entry manifest:full-path=\"content.xml\""
            + " manifest:media-type=\"text/xml\"/>"
            + "</manifest:manifest>";
    try (ZipOutputStream zip = new ZipOutputStream(create(file))) {
      // The ODF rule: "mimetype" first and stored uncompressed, so the type can be sniffed.
      byte[] mimetype =
          "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
      ZipEntry entry = new ZipEntry("mimetype");
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      entry.setCrc(crc.getValue());
      zip.putNextEntry(entry);
      zip.write(mimetype);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
      zip.write(manifest.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return file;
  }

  /** An RTF document with one paragraph per line (ASCII text). */
  public static Path rtf(Path file, String... paragraphs) throws IOException {
    StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Helvetica;}}\n");
    for (String paragraph : paragraphs) {
      rtf.append(paragraph.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"))
          .append("\\par\n");
    }
    rtf.append("}");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, rtf, StandardCharsets.US_ASCII);
    return file;
  }

  /** An RFC 5322 e-mail whose body is base64-encoded, so a plain text read would not see it. */
  public static Path eml(Path file, String subject, String body) throws IOException {
    String encoded =
        java.util.Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
    String message =
        "From: sender@example.org\r\n"
            + "To: team@example.org\r\n"
            + "Subject: "
            + subject
            + "\r\n"
            + "Date: Tue, 1 Dec 2026 05:00:00 +0000\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "\r\n"
            + encoded
            + "\r\n";
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, message, StandardCharsets.US_ASCII);
    return file;
  }

  private static OutputStream create(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.newOutputStream(file);
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

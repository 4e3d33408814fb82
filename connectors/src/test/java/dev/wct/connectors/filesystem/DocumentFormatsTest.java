package dev.wct.connectors.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.core.run.ObjectCoverage;
import dev.wct.spi.coverage.SkipReason;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.connectors.Extraction;
import dev.wct.testkit.documents.Documents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents written by POI, PDFBox and by hand are read as text, part by part, through Tika. */
class DocumentFormatsTest {
  private static final String IBAN = "DE89 3704 0044 0532 0130 00";
  private static final String EMAIL = "jane.doe@example.com";

  @TempDir Path dir;

  private Extraction run(Path root, String extraProperties) throws Exception {
    return run(root, extraProperties, new RecordingContext(dir));
  }

  private Extraction run(Path root, String extraProperties, RecordingContext context)
      throws Exception {
    return Extraction.run(
        new FilesystemConnector(),
        context,
        Json.mapper().readTree("{\"path\":\"" + root + "\"" + extraProperties + "}"));
  }

  private static List<JsonNode> itemsOf(Extraction result, String file) {
    return result.items().stream()
        .filter(item -> item.path("metadata").path("file_path").asText().equals(file))
        .toList();
  }

  @Test
  void pdfPagesAreOneItemEachNamedByTheirPage() throws Exception {
    Path root = dir.resolve("docs");
    Documents.pdf(root.resolve("letter.pdf"), "Dear customer,\nwelcome.", "Pay to " + IBAN);

    Extraction result = run(root, "");

    List<JsonNode> pages = itemsOf(result, "letter.pdf");
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).path("metadata").path("page").asInt()).isEqualTo(1);
    assertThat(pages.get(0).path("content").asText()).contains("Dear customer");
    assertThat(pages.get(1).path("metadata").path("page").asInt()).isEqualTo(2);
    assertThat(pages.get(1).path("content").asText()).contains(IBAN);
    assertThat(pages.get(1).path("metadata").path("content_type").asText())
        .isEqualTo("application/pdf");
    assertThat(result.summary().path("documents_read").asInt()).isEqualTo(1);
    assertThat(result.summary().path("document_parts_read").asInt()).isEqualTo(2);
    assertThat(result.schemaViolations()).isEmpty();
  }

  @Test
  void spreadsheetSheetsAreNamedAndRowsAreLinesOfTabSeparatedCells() throws Exception {
    Path root = dir.resolve("docs");
    Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
    sheets.put("Customers", List.of(List.of("name", "email"), List.of("Jane Doe", EMAIL)));
    sheets.put("Payments", List.of(List.of("iban"), List.of(IBAN)));
    Documents.xlsx(root.resolve("export.xlsx"), sheets);

    List<JsonNode> parts = itemsOf(run(root, ""), "export.xlsx");

    assertThat(parts)
        .extracting(item -> item.path("metadata").path("sheet").asText())
        .containsExactly("Customers", "Payments");
    assertThat(parts.get(0).path("content").asText()).isEqualTo("name\temail\nJane Doe\t" + EMAIL);
    assertThat(parts.get(1).path("content").asText()).isEqualTo("iban\n" + IBAN);
  }

  @Test
  void docxPptxOdtRtfAndEmailGiveTheirText() throws Exception {
    Path root = dir.resolve("docs");
    Documents.docx(root.resolve("contract.docx"), "Contract", "Contact: " + EMAIL);
    Documents.pptx(root.resolve("deck.pptx"), "Quarterly review", "Refunds to " + IBAN);
    Documents.odt(root.resolve("minutes.odt"), "Minutes", "Write to " + EMAIL);
    Documents.rtf(root.resolve("memo.rtf"), "Memo", "Account " + IBAN);
    Documents.eml(root.resolve("mail.eml"), "Refund", "Please refund " + IBAN + " today.");

    Extraction result = run(root, "");

    assertThat(itemsOf(result, "contract.docx"))
        .singleElement()
        .satisfies(item -> assertThat(item.path("content").asText()).contains(EMAIL))
        .satisfies(item -> assertThat(item.path("metadata").has("page")).isFalse());
    List<JsonNode> slides = itemsOf(result, "deck.pptx");
    assertThat(slides)
        .extracting(item -> item.path("metadata").path("page").asInt())
        .containsExactly(1, 2);
    assertThat(slides.get(1).path("content").asText()).contains(IBAN);
    assertThat(itemsOf(result, "minutes.odt").get(0).path("content").asText()).contains(EMAIL);
    assertThat(itemsOf(result, "memo.rtf").get(0).path("content").asText()).contains(IBAN);
    assertThat(itemsOf(result, "mail.eml").get(0).path("content").asText()).contains(IBAN);
    assertThat(result.summary().path("documents_read").asInt()).isEqualTo(5);
  }

  @Test
  void encryptedAndCorruptDocumentsAreCoverageGapsNotFailures() throws Exception {
    Path root = dir.resolve("docs");
    Documents.encryptedPdf(root.resolve("locked.pdf"), "s3cret", "Salary " + IBAN);
    Files.write(root.resolve("broken.docx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3, 0, 0, 9});
    Documents.docx(root.resolve("fine.docx"), "Contact: " + EMAIL);
    RecordingContext context = new RecordingContext(dir);

    Extraction result = run(root, "", context);

    assertThat(context.coverage().objects())
        .containsExactlyInAnyOrder(
            ObjectCoverage.skipped("broken.docx", SkipReason.CORRUPT),
            ObjectCoverage.skipped("locked.pdf", SkipReason.ENCRYPTED),
            ObjectCoverage.scanned("fine.docx"));
    assertThat(result.itemMetadata("file_path")).containsExactly("fine.docx");
    assertThat(result.summary().path("encrypted_documents_skipped").asInt()).isEqualTo(1);
    assertThat(result.summary().path("corrupt_documents_skipped").asInt()).isEqualTo(1);
  }

  @Test
  void aDocumentsTextStopsAtMaxDocumentCharsAndIsCountedAsTruncated() throws Exception {
    Path root = dir.resolve("docs");
    String[] paragraphs = new String[200];
    java.util.Arrays.fill(paragraphs, "x".repeat(99));
    paragraphs[199] = "Contact: " + EMAIL;
    Documents.docx(root.resolve("long.docx"), paragraphs);

    Extraction result = run(root, ",\"max_document_chars\":1000");

    String text = itemsOf(result, "long.docx").get(0).path("content").asText();
    assertThat(text.length()).isLessThanOrEqualTo(1000);
    assertThat(text).doesNotContain(EMAIL);
    assertThat(result.summary().path("documents_truncated").asInt()).isEqualTo(1);
  }
}

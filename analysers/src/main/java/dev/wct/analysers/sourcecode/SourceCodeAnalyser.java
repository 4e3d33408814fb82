package dev.wct.analysers.sourcecode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.common.ItemStream;
import dev.wct.analysers.common.TextItem;
import dev.wct.spi.Analyser;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.coverage.Coverage;
import dev.wct.spi.coverage.SkipReason;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import dev.wct.spi.properties.PropertiesContract;
import dev.wct.spi.properties.PropertiesExample;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code source_code_analyser}: turns the files of a {@code standard_input} into code units of
 * {@code source_code/1.0.0}, one per source file: path, language (by extension), line count,
 * content and the functions and classes it declares. Files in no known language, and database
 * cells, are skipped and counted.
 */
public final class SourceCodeAnalyser implements Analyser {
  private static final PropertiesContract<SourceCodeProperties> CONTRACT =
      PropertiesContract.of(SourceCodeProperties.class);

  public static final String TYPE = "source_code_analyser";
  static final SchemaRef OUTPUT = SchemaRef.of("source_code");
  private static final Logger LOG = LoggerFactory.getLogger(SourceCodeAnalyser.class);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Turns source files into code units: language, line count, declared functions and"
        + " classes.";
  }

  @Override
  public JsonNode propertiesSchema() {
    return CONTRACT.schema();
  }

  @Override
  public List<PropertiesExample> examples() {
    return List.of(
        PropertiesExample.of(
            "Structure only: code units without their content, files up to 1 MiB",
            "{include_content: false, max_file_size: 1048576}"));
  }

  @Override
  public List<Set<SchemaRef>> acceptedInputs() {
    return List.of(
        Collections.unmodifiableSortedSet(new TreeSet<>(List.of(SchemaRef.of("standard_input")))));
  }

  @Override
  public List<SchemaRef> outputSchemas() {
    return List.of(OUTPUT);
  }

  /** Findings are per item: it runs on each partition of a partitioned input. */
  @Override
  public boolean perItem() {
    return true;
  }

  @Override
  public void analyse(
      ProducerContext context, JsonNode properties, List<ContentReader> inputs, ContentWriter out) {
    String where = "artifact '" + context.artifactId() + "' (" + TYPE + ")";
    SourceCodeProperties bound = CONTRACT.bind(where, properties);
    boolean includeContent = bound.includeContent();
    long maxFileSize = bound.maxFileSize();
    out.field("name", JSON.textNode(context.artifactId()));
    out.field("description", JSON.textNode("Source code units"));
    out.field("source", JSON.textNode(TYPE));
    Map<String, Long> byLanguage = new TreeMap<>();
    long[] skipped = {0, 0};
    long[] seen = {0};
    Coverage coverage = context.coverage();
    coverage.objectsAre("files");
    Instant started = Instant.now();
    ItemStream.Totals totals =
        ItemStream.forEach(
            context,
            inputs,
            item -> {
              TextItem text = TextItem.of(item);
              Optional<Language> language =
                  text.filePath() == null || text.isCell()
                      ? Optional.empty()
                      : Language.of(text.filePath());
              String object = objectName(text, ++seen[0]);
              if (language.isEmpty()) {
                skipped[0]++;
                coverage.skipped(object, SkipReason.UNSUPPORTED_FORMAT);
              } else if (text.text().length() > maxFileSize) {
                skipped[1]++;
                coverage.skipped(object, SkipReason.TOO_LARGE);
              } else {
                out.item(unit(text, language.get(), item.path("metadata"), includeContent));
                byLanguage.merge(language.get().id(), 1L, Long::sum);
                coverage.scanned(object);
              }
            });
    ObjectNode metadata = JSON.objectNode();
    metadata.put("file_count", out.itemCount());
    metadata.put("skipped_not_source", skipped[0]);
    metadata.put("skipped_too_large", skipped[1]);
    ObjectNode languages = metadata.putObject("languages");
    byLanguage.forEach(languages::put);
    out.field("metadata", metadata);
    ObjectNode analysis = JSON.objectNode();
    analysis.put("analyser", TYPE);
    analysis.put("items_scanned", totals.items());
    analysis.put("include_content", includeContent);
    analysis.put("max_file_size", maxFileSize);
    analysis.put("started_at", started.toString());
    analysis.put("duration_ms", Duration.between(started, Instant.now()).toMillis());
    out.field("analysis_metadata", analysis);
    LOG.info(
        "{}: {} code units from {} items, {} skipped",
        where,
        out.itemCount(),
        totals.items(),
        skipped[0] + skipped[1]);
  }

  /** A file's path, a cell's {@code schema.table.column}, else the item's position. */
  private static String objectName(TextItem item, long position) {
    if (item.filePath() != null) {
      return item.filePath();
    }
    if (item.table() != null) {
      return (item.schema() != null ? item.schema() + "." : "")
          + item.table()
          + (item.column() != null ? "." + item.column() : "");
    }
    return item.source() != null ? item.source() : "item " + position;
  }

  private static ObjectNode unit(
      TextItem item, Language language, JsonNode metadata, boolean includeContent) {
    String content = item.text();
    ObjectNode unit = JSON.objectNode();
    unit.put("file_path", item.filePath());
    unit.put("language", language.id());
    unit.put("line_count", Declarations.lineCount(content));
    unit.put("content", includeContent ? content : "");
    unit.set("functions", Declarations.find(language.functions(), content));
    unit.set("classes", Declarations.find(language.classes(), content));
    if (metadata.isObject()) {
      unit.set("metadata", metadata);
    }
    return unit;
  }
}

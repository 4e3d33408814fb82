package dev.wct.connectors.filesystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.wct.connectors.common.StandardInput;
import dev.wct.spi.PartitionedConnector;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.coverage.Coverage;
import dev.wct.spi.coverage.SkipReason;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import dev.wct.spi.properties.PropertiesContract;
import dev.wct.spi.properties.PropertiesExample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the text files and documents of a file or folder: one {@code standard_input} item per text
 * file, and per part ({@code page} of a PDF or a presentation, {@code sheet}) of a document read
 * through {@link DocumentExtractor}, in sorted relative-path order. A text file over {@code
 * max_item_chars} is several items, one per chunk ({@link ChunkedFiles}); a PDF's pages are written
 * as they are extracted. Binary files (a NUL byte in the first 8 KiB, or bytes that do not decode
 * under {@code errors: strict}), files over {@code max_file_size} (by default only files read
 * whole) and documents that are encrypted or corrupt are skipped and counted. The files inside
 * archives are read the same way through {@link ArchiveItems}.
 */
public final class FilesystemConnector implements PartitionedConnector {
  public static final String TYPE = "filesystem";

  private static final Logger LOG = LoggerFactory.getLogger(FilesystemConnector.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int HEARTBEAT_EVERY_FILES = 50;
  private static final int HEARTBEAT_EVERY_PAGES = 200;

  private static final PropertiesContract<FilesystemProperties> CONTRACT =
      PropertiesContract.of(FilesystemProperties.class);

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Reads the text files and documents (PDF, Office, OpenDocument, RTF, e-mail) of a file"
        + " or folder, and those inside its archives (zip, tar, gz) (globs, size and count limits,"
        + " encodings).";
  }

  @Override
  public JsonNode propertiesSchema() {
    return CONTRACT.schema();
  }

  @Override
  public List<PropertiesExample> examples() {
    return List.of(
        PropertiesExample.of(
            "The PHP and JavaScript of a web app, without vendored code",
            "{path: ./webapp, include_patterns: ['*.php', '*.js'],"
                + " exclude_patterns: [vendor, node_modules]}"),
        PropertiesExample.of(
            "A share of office documents, PDFs and mail, each document's text capped at 1 MB",
            "{path: /srv/share, include_patterns: ['*.pdf', '*.docx', '*.xlsx', '*.eml'],"
                + " max_document_chars: 1000000}"),
        PropertiesExample.of(
            "Legacy exports in Latin-1, folder given per environment",
            "{path: '${EXPORTS_DIR}', encoding: latin-1, errors: replace, max_files: 5000}"));
  }

  @Override
  public List<SchemaRef> outputSchemas() {
    return StandardInput.SCHEMAS;
  }

  @Override
  public void extract(ProducerContext context, JsonNode properties, ContentWriter out) {
    FilesystemOptions options = options(context, properties);
    context.coverage().objectsAre("files");
    write(context, options, scan(options, context.coverage()), out);
  }

  @Override
  public Set<Cut> cuts() {
    return Set.of(Cut.SIZE);
  }

  /**
   * Groups the selected files, in path order, into partitions of at most {@code max_bytes} (a
   * larger file is a partition of its own) and {@code max_items} files.
   */
  @Override
  public List<JsonNode> partitions(
      ProducerContext context, JsonNode properties, PartitionLimits limits) {
    FilesystemOptions options = options(context, properties);
    context.coverage().objectsAre("files");
    FileScan scan = scan(options, context.coverage());
    List<JsonNode> partitions = new ArrayList<>();
    ArrayNode files = NODES.arrayNode();
    long bytes = 0;
    for (FileScan.Candidate file : scan.selected()) {
      boolean full =
          (limits.maxItems() > 0 && files.size() >= limits.maxItems())
              || (limits.maxBytes() > 0 && bytes + file.size() > limits.maxBytes());
      if (full && !files.isEmpty()) {
        partitions.add(partition(files, bytes));
        files = NODES.arrayNode();
        bytes = 0;
      }
      files.add(file.relativePath());
      bytes += file.size();
    }
    if (!files.isEmpty() || partitions.isEmpty()) {
      partitions.add(partition(files, bytes));
    }
    LOG.info(
        "filesystem: {} files from '{}' in {} partitions",
        scan.selected().size(),
        options.path(),
        partitions.size());
    return partitions;
  }

  private static JsonNode partition(ArrayNode files, long bytes) {
    ObjectNode partition = NODES.objectNode();
    partition.set("files", files);
    partition.put("bytes", bytes);
    return partition;
  }

  /** Reads the files a partition lists; files gone or changed since are skipped and counted. */
  @Override
  public void extractPartition(
      ProducerContext context, JsonNode properties, JsonNode partition, ContentWriter out) {
    FilesystemOptions options = options(context, properties);
    context.coverage().objectsAre("files");
    java.nio.file.Path root =
        Files.isRegularFile(options.path()) && options.path().getParent() != null
            ? options.path().getParent()
            : options.path();
    List<FileScan.Candidate> files = new ArrayList<>();
    int unreadable = 0;
    for (JsonNode name : partition.path("files")) {
      java.nio.file.Path file = root.resolve(name.asText());
      try {
        files.add(
            new FileScan.Candidate(
                file,
                name.asText(),
                Files.size(file),
                Files.getLastModifiedTime(file).toInstant(),
                DocumentExtractor.isDocument(name.asText())));
      } catch (IOException e) {
        unreadable++;
        context.coverage().skipped(name.asText(), SkipReason.UNREADABLE);
      }
    }
    write(context, options, new FileScan(files, files.size(), 0, 0, unreadable, 0), out);
  }

  private static FilesystemOptions options(ProducerContext context, JsonNode properties) {
    FilesystemOptions options =
        FilesystemOptions.of(CONTRACT.bind(TYPE, properties), context.workingDirectory());
    if (!Files.exists(options.path())) {
      throw WctException.user(TYPE + ": path '" + options.path() + "' does not exist");
    }
    return options;
  }

  private static void write(
      ProducerContext context, FilesystemOptions options, FileScan scan, ContentWriter out) {
    String root = options.path().toString();
    out.field("name", TextNode.valueOf("Files in " + root));
    out.field(
        "description",
        TextNode.valueOf("Text files read by the filesystem connector from " + root));
    out.field("source", TextNode.valueOf(root));
    String resolvedRoot = rootOf(options);
    out.field("metadata", metadata(options, resolvedRoot, scan));

    out.field("summary", readFiles(context, options, resolvedRoot, scan, out));
  }

  /**
   * The folder every {@code file_path} is relative to: the {@code path} itself, or the folder of a
   * single file. With it, {@code root} and {@code file_path} name one file the same way whichever
   * root a runbook scanned it from.
   */
  static String rootOf(FilesystemOptions options) {
    java.nio.file.Path path = options.path();
    java.nio.file.Path root =
        Files.isRegularFile(path) && path.getParent() != null ? path.getParent() : path;
    return root.toString().replace('\\', '/');
  }

  /** Writes one item per selected file that decodes; returns the summary counters. */
  private static ObjectNode readFiles(
      ProducerContext context,
      FilesystemOptions options,
      String root,
      FileScan scan,
      ContentWriter out) {
    TextDecoder decoder = new TextDecoder(options.encoding(), options.errors());
    ChunkedFiles chunked =
        new ChunkedFiles(options.encoding(), options.errors(), options.maxItemChars());
    int[] chunks = {0};
    int chunkedFiles = 0;
    DocumentExtractor documents = new DocumentExtractor(options.maxDocumentChars());
    DocumentCounts counts = new DocumentCounts();
    ArchiveItems archives = new ArchiveItems(context, options, root, decoder, documents, out);
    int read = 0;
    int undecodable = 0;
    int large = scan.largeSkipped();
    int unreadable = scan.unreadableSkipped();
    List<FileScan.Candidate> files = scan.selected();
    for (int i = 0; i < files.size(); i++) {
      FileScan.Candidate file = files.get(i);
      if (i % HEARTBEAT_EVERY_FILES == 0) {
        context.heartbeat("file " + (i + 1) + " of " + files.size());
      }
      if (archives.handles(file)) {
        archives.read(file);
        continue;
      }
      if (file.document()) {
        if (readDocument(context, documents, root, file, out, counts)) {
          read++;
        }
        continue;
      }
      if (chunked.chunks(file)) {
        ChunkedFiles.Outcome outcome =
            chunked.read(
                file,
                chunk -> {
                  out.item(fileItem(context, root, file, chunk.text(), chunk));
                  chunks[0]++;
                  // One file may take minutes: heartbeat per chunk, not per file only.
                  context.heartbeat(file.relativePath() + " chunk " + (chunk.index() + 1));
                });
        switch (outcome) {
          case READ -> {
            context.coverage().scanned(file.relativePath());
            chunkedFiles++;
            read++;
          }
          case UNDECODABLE -> {
            undecodable++;
            context.coverage().skipped(file.relativePath(), SkipReason.BINARY);
          }
          case UNREADABLE, NO_PERMISSION -> {
            unreadable++;
            context
                .coverage()
                .skipped(
                    file.relativePath(),
                    outcome == ChunkedFiles.Outcome.NO_PERMISSION
                        ? SkipReason.NO_PERMISSION
                        : SkipReason.UNREADABLE);
            LOG.warn("filesystem: skipping unreadable file '{}'", file.relativePath());
          }
        }
        continue;
      }
      // Bounded again: the file may have grown since it was scanned.
      boolean streams = ChunkedFiles.streams(file.relativePath(), false);
      long bound =
          Math.min(
              options.maxFileSize(streams), streams ? 4L * options.maxItemChars() : Long.MAX_VALUE);
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file.file())) {
        bytes = in.readNBytes((int) Math.min(bound + 1, Integer.MAX_VALUE - 8));
      } catch (IOException e) {
        unreadable++;
        context
            .coverage()
            .skipped(
                file.relativePath(),
                e instanceof AccessDeniedException
                    ? SkipReason.NO_PERMISSION
                    : SkipReason.UNREADABLE);
        LOG.warn(
            "filesystem: skipping unreadable file '{}': {}", file.relativePath(), e.toString());
        continue;
      }
      if (bytes.length > bound) {
        large++;
        context.coverage().skipped(file.relativePath(), SkipReason.TOO_LARGE);
        continue;
      }
      Optional<String> text = decoder.decode(bytes);
      if (text.isEmpty()) {
        undecodable++;
        context.coverage().skipped(file.relativePath(), SkipReason.BINARY);
        continue;
      }
      context.coverage().scanned(file.relativePath());
      ObjectNode item = fileItem(context, root, file, text.get(), null);
      StandardInput.metadataOf(item).put("size", bytes.length);
      out.item(item);
      read++;
    }
    LOG.info(
        "filesystem: read {} files from '{}' ({} binary, {} too large, {} over max_files)",
        read,
        options.path(),
        scan.binarySkipped() + undecodable,
        large,
        scan.overLimit());
    ObjectNode summary = NODES.objectNode();
    summary.put("files_read", read);
    summary.put("binary_files_skipped", scan.binarySkipped() + undecodable);
    summary.put("undecodable_files_skipped", undecodable);
    summary.put("large_files_skipped", large);
    summary.put("unreadable_files_skipped", unreadable);
    summary.put("files_over_limit", scan.overLimit());
    summary.put("chunked_files_read", chunkedFiles);
    summary.put("file_chunks_read", chunks[0]);
    summary.put("documents_read", counts.read);
    summary.put("document_parts_read", counts.parts);
    summary.put("documents_truncated", counts.truncated);
    summary.put("encrypted_documents_skipped", counts.encrypted);
    summary.put("corrupt_documents_skipped", counts.corrupt);
    archives.summarise(summary);
    return summary;
  }

  /**
   * The item of a text file, or of one chunk of it: a chunk says which it is ({@code chunk}, from
   * 0), the file's line its own text starts at ({@code first_line}) and how many lines copied from
   * the file's head come first ({@code context_lines}, the header rows of a CSV file's later
   * chunks, not to be scanned again).
   */
  private static ObjectNode fileItem(
      ProducerContext context,
      String root,
      FileScan.Candidate file,
      String text,
      TextChunker.Chunk chunk) {
    ObjectNode item = item(context, root, file.relativePath(), file.size(), file.modified(), text);
    ObjectNode metadata = StandardInput.metadataOf(item);
    if (chunk != null) {
      metadata.put("chunk", chunk.index());
      metadata.put("first_line", chunk.firstLine());
      if (chunk.contextLines() > 0) {
        metadata.put("context_lines", chunk.contextLines());
      }
    }
    return item;
  }

  /** The item of a file's text, or a part of it, with the metadata every file item has. */
  static ObjectNode item(
      ProducerContext context,
      String root,
      String filePath,
      long size,
      Instant modified,
      String text) {
    ObjectNode item = StandardInput.item(text, filePath, TYPE);
    ObjectNode metadata = StandardInput.metadataOf(item);
    metadata.put("file_path", filePath);
    metadata.put("root", root);
    metadata.put("artifact", context.artifactId());
    metadata.put("size", size);
    metadata.put("modified", modified.toString());
    return item;
  }

  private static final class DocumentCounts {
    int read;
    int parts;
    int truncated;
    int encrypted;
    int corrupt;
  }

  /**
   * Writes one item per part of a document; an encrypted, corrupt or unreadable document is a
   * coverage gap, not a failure. Returns whether the document was read.
   */
  private static boolean readDocument(
      ProducerContext context,
      DocumentExtractor documents,
      String root,
      FileScan.Candidate file,
      ContentWriter out,
      DocumentCounts counts) {
    DocumentExtractor.Result result =
        documents.extract(
            file.file(),
            file.relativePath(),
            part -> {
              out.item(partItem(context, root, file, part));
              if (part.page() != null && part.page() % HEARTBEAT_EVERY_PAGES == 0) {
                context.heartbeat(file.relativePath() + " page " + part.page());
              }
            });
    counts.parts += result.parts();
    if (result.failure() != null && result.parts() > 0) {
      // Pages already handed on stay read: the document counts as read, cut short.
      counts.truncated++;
      context.coverage().scanned(file.relativePath());
      LOG.warn(
          "filesystem: document '{}' ended early ({}) after {} parts",
          file.relativePath(),
          result.failure().name().toLowerCase(Locale.ROOT),
          result.parts());
      counts.read++;
      return true;
    }
    if (result.failure() != null) {
      switch (result.failure()) {
        case ENCRYPTED -> counts.encrypted++;
        case CORRUPT -> counts.corrupt++;
        default -> {}
      }
      context.coverage().skipped(file.relativePath(), result.failure());
      LOG.warn(
          "filesystem: skipping document '{}': {}",
          file.relativePath(),
          result.failure().name().toLowerCase(Locale.ROOT));
      return false;
    }
    if (result.parts() == 0) {
      context.coverage().skipped(file.relativePath(), SkipReason.EMPTY);
      return false;
    }
    if (result.truncated()) {
      counts.truncated++;
      LOG.warn("filesystem: document '{}' truncated at max_document_chars", file.relativePath());
    }
    context.coverage().scanned(file.relativePath());
    counts.read++;
    return true;
  }

  private static ObjectNode partItem(
      ProducerContext context, String root, FileScan.Candidate file, DocumentExtractor.Part part) {
    ObjectNode item = fileItem(context, root, file, part.text(), null);
    part.describe(StandardInput.metadataOf(item));
    return item;
  }

  private static FileScan scan(FilesystemOptions options, Coverage coverage) {
    try {
      return FileScan.of(options, coverage);
    } catch (AccessDeniedException e) {
      throw WctException.user(TYPE + ": cannot read '" + e.getFile() + "': permission denied");
    } catch (NoSuchFileException e) {
      throw WctException.user(TYPE + ": path '" + e.getFile() + "' does not exist");
    } catch (IOException e) {
      throw new WctException(
          ErrorKind.EXTERNAL,
          "filesystem: cannot read '" + options.path() + "': " + e.getMessage(),
          e);
    }
  }

  private static ObjectNode metadata(FilesystemOptions options, String root, FileScan scan) {
    ObjectNode metadata = NODES.objectNode();
    metadata.put("connector_type", TYPE);
    metadata.put("path", options.path().toString());
    metadata.put("root", root);
    ArrayNode include = metadata.putArray("include_patterns");
    options.includePatterns().forEach(include::add);
    ArrayNode exclude = metadata.putArray("exclude_patterns");
    options.excludePatterns().forEach(exclude::add);
    metadata.put("max_files", options.maxFiles());
    metadata.put("max_file_size", options.maxFileSize(false));
    metadata.put("max_item_chars", options.maxItemChars());
    metadata.put("max_document_chars", options.maxDocumentChars());
    metadata.put("max_archive_depth", options.archives().maxDepth());
    metadata.put("max_archive_size", options.archives().maxSize());
    metadata.put("max_archive_entries", options.archives().maxEntries());
    metadata.put("max_compression_ratio", options.archives().maxCompressionRatio());
    metadata.put("encoding", options.encoding().name());
    metadata.put("errors", options.errors().name().toLowerCase(Locale.ROOT));
    metadata.put("files_matched", scan.filesMatched());
    metadata.put("files_selected", scan.selected().size());
    metadata.put("binary_files_skipped", scan.binarySkipped());
    metadata.put("large_files_skipped", scan.largeSkipped());
    metadata.put("files_over_limit", scan.overLimit());
    return metadata;
  }
}

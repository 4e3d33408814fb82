package dev.wct.connectors.filesystem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.connectors.common.StandardInput;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.coverage.SkipReason;
import dev.wct.spi.message.ContentWriter;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the files inside the archives a filesystem scan selected as items, each exactly as the
 * same file on disk would be: text decoded under the configured encoding, documents through {@link
 * DocumentExtractor} part by part. An item's {@code file_path} names the archive and the entry
 * ({@code backup.zip!/customers/export.csv}), so analysers read the entry's extension as its type;
 * {@code archive} names the archive on disk.
 */
final class ArchiveItems {
  private static final Logger LOG = LoggerFactory.getLogger(ArchiveItems.class);
  private static final int HEARTBEAT_EVERY_ENTRIES = 50;

  private final ProducerContext context;
  private final String root;
  private final TextDecoder decoder;
  private final DocumentExtractor documents;
  private final ContentWriter out;
  private final ArchiveEntries archives;
  private final ArchiveLimits limits;
  private int archivesOpened;
  private int entriesRead;
  private int entriesSkipped;
  private int handled;

  ArchiveItems(
      ProducerContext context,
      FilesystemOptions options,
      String root,
      TextDecoder decoder,
      DocumentExtractor documents,
      ContentWriter out) {
    this.context = context;
    this.root = root;
    this.decoder = decoder;
    this.documents = documents;
    this.out = out;
    this.limits = options.archives();
    // An entry is held in memory whole: the cap of the files read whole applies to it.
    this.archives = new ArchiveEntries(limits, options.maxFileSize(false), context.coverage());
  }

  /** Whether {@code file} is an archive this class reads (when archives are opened at all). */
  boolean handles(FileScan.Candidate file) {
    return limits.maxDepth() > 0 && ArchiveEntries.isArchive(file.relativePath());
  }

  /** Writes the items of every file in the archive {@code file}. */
  void read(FileScan.Candidate file) {
    ArchiveEntries.Counts counts =
        archives.read(
            file.file(), file.relativePath(), file.modified(), entry -> write(file, entry));
    archivesOpened += counts.archivesOpened();
    entriesSkipped += counts.entriesSkipped();
  }

  /** The archive counters of the connector's summary. */
  void summarise(ObjectNode summary) {
    summary.put("archives_opened", archivesOpened);
    summary.put("archive_entries_read", entriesRead);
    summary.put("archive_entries_skipped", entriesSkipped);
  }

  private void write(FileScan.Candidate archive, ArchiveEntries.Entry entry) {
    if (++handled % HEARTBEAT_EVERY_ENTRIES == 0) {
      context.heartbeat("archive entry " + handled);
    }
    String path = entry.path();
    if (DocumentExtractor.isDocument(path)) {
      writeDocument(archive, entry);
      return;
    }
    Optional<String> text =
        FileScan.looksBinary(entry.bytes()) ? Optional.empty() : decoder.decode(entry.bytes());
    if (text.isEmpty()) {
      skipped(path, SkipReason.BINARY);
      return;
    }
    context.coverage().scanned(path);
    out.item(item(archive, entry, text.get()));
    entriesRead++;
  }

  private void writeDocument(FileScan.Candidate archive, ArchiveEntries.Entry entry) {
    String path = entry.path();
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    DocumentExtractor.Result result =
        documents.extract(
            new ByteArrayInputStream(entry.bytes()),
            fileName,
            path,
            part -> {
              ObjectNode item = item(archive, entry, part.text());
              part.describe(StandardInput.metadataOf(item));
              out.item(item);
            });
    if (result.parts() == 0) {
      skipped(path, result.failure() != null ? result.failure() : SkipReason.EMPTY);
      return;
    }
    // Parts handed on before a failure stay read, as for a document on disk.
    context.coverage().scanned(path);
    entriesRead++;
  }

  private ObjectNode item(FileScan.Candidate archive, ArchiveEntries.Entry entry, String text) {
    ObjectNode item =
        FilesystemConnector.item(
            context, root, entry.path(), entry.bytes().length, entry.modified(), text);
    StandardInput.metadataOf(item).put("archive", archive.relativePath());
    return item;
  }

  private void skipped(String path, SkipReason reason) {
    entriesSkipped++;
    context.coverage().skipped(path, reason);
    LOG.warn("filesystem: skipping archive entry '{}': {}", path, reason);
  }
}

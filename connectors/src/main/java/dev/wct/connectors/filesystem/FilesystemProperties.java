package dev.wct.connectors.filesystem;

import dev.wct.spi.properties.Property;
import java.util.List;

/** The properties of the {@code filesystem} connector, as bound from the runbook. */
record FilesystemProperties(
    @Property(
            description =
                "File or folder to read; a relative path resolves against the working directory"
                    + " of the process that runs the connector.",
            required = true)
        String path,
    @Property(
            description =
                "Globs on the path relative to 'path'. A pattern without '/' matches a file name"
                    + " at any depth ('*.php' matches 'a/b/index.php'); a pattern with '/' matches"
                    + " the whole relative path ('src/**/*.php'). Default: every file.")
        List<String> includePatterns,
    @Property(
            description =
                "Globs like include_patterns; a matching folder is skipped with everything in it"
                    + " ('node_modules', 'vendor/**').")
        List<String> excludePatterns,
    @Property(
            description =
                "At most this many text files and documents are read; the rest are counted.",
            defaultValue = "" + FilesystemOptions.DEFAULT_MAX_FILES,
            minimum = 1)
        int maxFiles,
    @Property(
            description =
                "Files larger than this many bytes are skipped and counted. Default: no limit for"
                    + " the files read in chunks (text, CSV/TSV, JSON Lines, PDF), 10485760 (10"
                    + " MiB) for the files read whole (a .json document, Office and other"
                    + " documents).",
            minimum = 1)
        Long maxFileSize,
    @Property(
            description =
                "A text file with more characters than this is read in chunks of about this many"
                    + " characters, cut at line boundaries (rows of a CSV or TSV file, whose"
                    + " chunks all start with its header): memory holds one chunk, not the file.",
            defaultValue = "" + FilesystemOptions.DEFAULT_MAX_ITEM_CHARS,
            minimum = 1000,
            maximum = FilesystemOptions.MAX_ITEM_CHARS)
        int maxItemChars,
    @Property(
            description =
                "A document (PDF, Office, OpenDocument, RTF, e-mail) gives at most this many"
                    + " characters of text; the rest of it is not read, and the file is counted in"
                    + " 'documents_truncated'.",
            defaultValue = "" + FilesystemOptions.DEFAULT_MAX_DOCUMENT_CHARS,
            minimum = 1)
        long maxDocumentChars,
    @Property(description = "Character encoding of the files.", defaultValue = "utf-8")
        String encoding,
    @Property(
            description =
                "Bytes invalid in the encoding: 'strict' skips the file as binary, 'replace'"
                    + " substitutes U+FFFD, 'skip' drops them.",
            defaultValue = "strict")
        DecodeErrors errors,
    @Property(
            description =
                "Archives (.zip, .tar, .tar.gz, .tgz, .gz) are opened and their entries read like"
                    + " files, archives inside them too, down to this many levels (1: only the"
                    + " archives on disk); deeper ones are skipped as 'too_deep'. 0 leaves archives"
                    + " unopened, as excluded.",
            defaultValue = "" + ArchiveLimits.DEFAULT_MAX_DEPTH,
            minimum = 0)
        int maxArchiveDepth,
    @Property(
            description =
                "At most this many bytes are read out of one archive on disk (decompressed; the"
                    + " entries of archives inside it count again); the entry being read and the"
                    + " rest are skipped as 'beyond_archive_limits'. Each entry is also bounded by"
                    + " max_file_size.",
            defaultValue = "" + ArchiveLimits.DEFAULT_MAX_SIZE,
            minimum = 1)
        long maxArchiveSize,
    @Property(
            description =
                "At most this many entries are read from one archive on disk, archives inside it"
                    + " included; the rest are skipped as 'beyond_archive_limits'.",
            defaultValue = "" + ArchiveLimits.DEFAULT_MAX_ENTRIES,
            minimum = 1)
        int maxArchiveEntries,
    @Property(
            description =
                "An archive entry that expands to more than this many times its compressed size"
                    + " (past its first MiB) is a suspected compression bomb: it is skipped as"
                    + " 'too_compressed'.",
            defaultValue = "" + ArchiveLimits.DEFAULT_MAX_COMPRESSION_RATIO,
            minimum = 1)
        int maxCompressionRatio) {}

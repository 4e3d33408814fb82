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
        DecodeErrors errors) {}

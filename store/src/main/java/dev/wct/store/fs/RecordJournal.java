package dev.wct.store.fs;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The per-artifact records of one run (names with a folder: {@code artifacts/db.json}, {@code
 * coverage/db.json}, {@code partitions/db/done/7} ...) in one append-only file, {@code
 * _system/.records}: writing a record is one append to an open file instead of creating a temp file
 * and renaming it over the last version. The last complete entry of a name is its record.
 *
 * <p>An entry is {@code 0x1E length crc32c name '\n' content '\n'}, the checksum covering the name
 * and the content. Every write appends one whole entry with one {@code write} (the file is opened
 * with {@code O_APPEND}), so processes sharing a store interleave entries, never bytes of them. A
 * crash may leave a torn entry at the end; its checksum fails, and the next entry is found again by
 * its leading {@code 0x1E}, a byte that no record name contains. Readers index the file
 * incrementally, a window at a time: a read parses only what was appended since the last one.
 *
 * <p>The journal also holds small artifacts, packed, so that storing one creates no file: entry
 * {@code .artifact/ID} is the artifact's content, and {@code .deleted/ID} says it was deleted
 * (names that no record has: record names never start with '.'). Unlike a record, an artifact keeps
 * its first complete entry: a second writer's entry is ignored, as a second hard link to a file is
 * refused. A damaged entry (torn, or scrubbed) never counts, so a retry can store the artifact
 * again. Deleting one scrubs its bytes in place, every entry of it, after appending the deletion.
 */
final class RecordJournal {
  static final String FILE_NAME = ".records";

  private static final byte ENTRY_START = 0x1E;

  /** The longest entry header a reader looks for (its name included); longer names are refused. */
  static final int MAX_HEADER = 4096;

  /** Names of packed artifacts' entries, then of their deletions; followed by the artifact id. */
  static final String ARTIFACT = ".artifact/";

  static final String DELETED = ".deleted/";

  /** How much of the file a refresh reads at once; an entry longer than that is read whole. */
  private static final int WINDOW = 1 << 20;

  /**
   * Where an entry's content is, and its checksum (over name and content). A damaged entry (torn by
   * a crash, or changed) has no content to read; its position is kept so that it can be scrubbed.
   */
  private record Entry(long contentOffset, int length, long crc, boolean damaged) {}

  /** The entries of one packed artifact: the first complete one since its last deletion counts. */
  private static final class Packed {
    Entry live;
    final List<Entry> written = new ArrayList<>(1);
  }

  /** A record whose last entry a crash tore or whose bytes changed: its content is unknown. */
  static final class DamagedRecordException extends IOException {
    DamagedRecordException(Path file, String name) {
      super("record " + name + " in " + file + " is damaged: its checksum does not match");
    }
  }

  private final Path file;
  private final KnownFolders folders;
  private FileChannel appender;
  private Object appenderFile;
  private FileChannel reader;
  private boolean directoryDurable;
  private final TreeMap<String, Entry> index = new TreeMap<>();
  private final TreeMap<String, Packed> packed = new TreeMap<>();
  private Object indexedFile;
  private long indexedUpTo;

  RecordJournal(Path systemFolder, KnownFolders folders) {
    this.file = systemFolder.resolve(FILE_NAME);
    this.folders = Objects.requireNonNull(folders, "folders");
  }

  Path file() {
    return file;
  }

  /**
   * Appends {@code content} as the record {@code name}; synced (data and size) if {@code durable}.
   * The sync runs outside the journal's lock, so concurrent durable appends share the disk's
   * flushes; only the first durable append after the file is opened also syncs its folder, inside
   * the lock, so that no durable append returns before the journal's name is durable.
   */
  void append(String name, byte[] content, boolean durable) throws IOException {
    write(entry(name, content), durable);
  }

  /** Appends whole entries with one write; see {@link #append}. */
  private void write(ByteBuffer entry, boolean durable) throws IOException {
    FileChannel channel;
    synchronized (this) {
      channel = appender(currentFile());
      while (entry.hasRemaining()) {
        channel.write(entry);
      }
      if (durable && !directoryDurable) {
        channel.force(false);
        DurableFiles.syncDirectory(file.getParent());
        directoryDurable = true;
        return;
      }
    }
    if (durable) {
      try {
        channel.force(false);
      } catch (java.nio.channels.ClosedChannelException closedMeanwhile) {
        // closed by another thread (evicted, or its run deleted): the written pages are the
        // file's, and syncing it through another channel flushes them all the same
        DurableFiles.forceIfExists(file);
      }
    }
  }

  /**
   * The last version of record {@code name}, if the journal holds one.
   *
   * @throws DamagedRecordException if its last entry is damaged (torn by a crash)
   */
  synchronized Optional<byte[]> read(String name) throws IOException {
    refresh();
    Entry entry = index.get(name);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.damaged()) {
      throw new DamagedRecordException(file, name);
    }
    byte[] content = new byte[entry.length()];
    if (readAt(reader(), content, entry.contentOffset()) < content.length) {
      throw new IOException("record journal " + file + " ends inside record " + name);
    }
    return Optional.of(content);
  }

  /** The names of the records in the journal under {@code prefix}, sorted. */
  synchronized List<String> names(String prefix) throws IOException {
    refresh();
    List<String> names = new ArrayList<>();
    for (String name : index.tailMap(prefix, true).keySet()) {
      if (!name.startsWith(prefix)) {
        break;
      }
      names.add(name);
    }
    return names;
  }

  /**
   * Appends artifact {@code id} with {@code content} unless the journal holds it already, and with
   * it, in the same write, the record {@code recordName} (if not null) describing this content. Not
   * synced: packing is for runs synced when they end.
   *
   * @return empty if {@code content} is now the artifact's, else the content stored before (then
   *     the caller's record describes the wrong content, or was not written: the caller appends the
   *     right one, which as the last entry of its name is the record)
   */
  Optional<byte[]> appendArtifact(String id, byte[] content, String recordName, byte[] record)
      throws IOException {
    ByteBuffer artifact = entry(ARTIFACT + id, content);
    ByteBuffer entries = artifact;
    if (recordName != null) {
      ByteBuffer described = entry(recordName, record);
      entries =
          ByteBuffer.allocate(artifact.remaining() + described.remaining())
              .put(artifact)
              .put(described)
              .flip();
    }
    synchronized (this) {
      Optional<byte[]> stored = readArtifact(id);
      if (stored.isPresent()) {
        return stored;
      }
      Packed before = packed.get(id);
      int entriesBefore = before == null ? 0 : before.written.size();
      // the refresh just read the path: no second look before writing, nor after
      FileChannel channel = appender(indexedFile);
      while (entries.hasRemaining()) {
        channel.write(entries);
      }
      if (indexedFile == null || !indexedFile.equals(appenderFile)) {
        refresh(); // the journal was made, or made again, by this write
      } else {
        indexAppended();
      }
      Packed after = packed.get(id);
      if (after != null
          && after.written.size() == entriesBefore + 1
          && after.live == after.written.get(entriesBefore)) {
        return Optional.empty(); // the one entry appended meanwhile is this one
      }
      // another journal on this file appended the artifact too: the first entry is the artifact
      stored = readArtifact(id);
      if (stored.isEmpty()) {
        throw new IOException("artifact " + id + " appended to " + file + " cannot be read back");
      }
      return Arrays.equals(stored.get(), content) ? Optional.empty() : stored;
    }
  }

  /**
   * Whether {@code content} can be packed: it must not hold the byte that starts an entry, by which
   * a reader finds the next entry after a torn one. JSON escapes it, so no message holds it.
   */
  static boolean canPack(byte[] content) {
    return indexOf(content, ENTRY_START, 0, content.length) < 0;
  }

  /** The content of packed artifact {@code id}, if the journal holds it whole. */
  synchronized Optional<byte[]> readArtifact(String id) throws IOException {
    refresh();
    Packed artifact = packed.get(id);
    if (artifact == null || artifact.live == null) {
      return Optional.empty();
    }
    Entry entry = artifact.live;
    byte[] content = new byte[entry.length()];
    if (readAt(reader(), content, entry.contentOffset()) < content.length) {
      return Optional.empty();
    }
    // scrubbed by a deletion this journal has not indexed yet
    return crc(ARTIFACT + id, content) == entry.crc() ? Optional.of(content) : Optional.empty();
  }

  /** The ids of the packed artifacts the journal holds, sorted. */
  synchronized List<String> artifactIds() throws IOException {
    refresh();
    List<String> ids = new ArrayList<>();
    packed.forEach(
        (id, artifact) -> {
          if (artifact.live != null) {
            ids.add(id);
          }
        });
    return ids;
  }

  /** Whether the journal holds any entry of these packed artifacts, even a damaged one. */
  synchronized boolean holdsAnyArtifact(Collection<String> ids) throws IOException {
    refresh();
    for (String id : ids) {
      Packed artifact = packed.get(id);
      if (artifact != null && !artifact.written.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Deletes packed artifacts: appends their deletions in one write, then overwrites the content of
   * every entry they have with zeros, so that their bytes are gone from the file, not only from the
   * index. Ids the journal holds no entry of are left alone.
   *
   * @return how many of them the journal held
   */
  synchronized int deleteArtifacts(Collection<String> ids, boolean durable) throws IOException {
    refresh();
    List<Packed> held = new ArrayList<>();
    ByteArrayOutputStream deletions = new ByteArrayOutputStream();
    for (String id : ids) {
      Packed artifact = packed.get(id);
      if (artifact == null || artifact.written.isEmpty()) {
        continue;
      }
      held.add(artifact);
      if (artifact.live != null) {
        ByteBuffer deletion = entry(DELETED + id, new byte[0]);
        deletions.write(deletion.array(), deletion.arrayOffset(), deletion.remaining());
      }
    }
    if (held.isEmpty()) {
      return 0;
    }
    if (deletions.size() > 0) {
      write(ByteBuffer.wrap(deletions.toByteArray()), false);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      for (Packed artifact : held) {
        for (Entry entry : artifact.written) {
          ByteBuffer zeros = ByteBuffer.allocate(entry.length());
          while (zeros.hasRemaining()) {
            channel.write(zeros, entry.contentOffset() + zeros.position());
          }
        }
      }
      if (durable) {
        channel.force(false);
      }
    }
    for (Packed artifact : held) {
      artifact.written.clear();
      artifact.live = null;
    }
    return held.size();
  }

  /** Closes the journal's channels; a later append or read opens them again. */
  synchronized void close() {
    closeReader();
    if (appender != null) {
      try {
        appender.close();
      } catch (IOException e) {
        // nothing was pending: every append wrote its entry whole
      }
      appender = null;
    }
  }

  /**
   * The open appending channel, opened (and the file created) if needed. The journal's name in its
   * folder is made durable by the first durable append after opening, whoever created the file.
   *
   * @param current the identity of the file now at the journal's path ({@link #currentFile}), null
   *     if there is none: an appender open on another file (deleted, or replaced) is reopened
   */
  private FileChannel appender(Object current) throws IOException {
    if (appender != null && appender.isOpen() && current != null && current.equals(appenderFile)) {
      return appender;
    }
    close();
    directoryDurable = false;
    folders.make(file.getParent());
    try {
      appender =
          FileChannel.open(
              file,
              Set.of(
                  StandardOpenOption.CREATE_NEW,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.APPEND),
              DurableFiles.privateAttributes(file, DurableFiles.PRIVATE_FILE));
    } catch (FileAlreadyExistsException exists) {
      appender = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (NoSuchFileException folderGone) {
      folders.forgetUnder(file.getParent());
      return appender(null);
    }
    appenderFile = currentFile();
    return appender;
  }

  /** The identity of the file at the journal's path, or null if there is none. */
  private Object currentFile() throws IOException {
    try {
      return identity(Files.readAttributes(file, BasicFileAttributes.class));
    } catch (NoSuchFileException none) {
      return null;
    }
  }

  private Object identity(BasicFileAttributes attributes) {
    return attributes.fileKey() != null ? attributes.fileKey() : file;
  }

  private static long crc(String name, byte[] content) {
    CRC32C crc = new CRC32C();
    crc.update(name.getBytes(UTF_8));
    crc.update(content);
    return crc.getValue();
  }

  private static ByteBuffer entry(String name, byte[] content) {
    byte[] nameBytes = name.getBytes(UTF_8);
    byte[] header =
        (content.length + " " + Long.toHexString(crc(name, content)) + " ").getBytes(US_ASCII);
    if (1 + header.length + nameBytes.length + 1 > MAX_HEADER) {
      throw new IllegalArgumentException(
          "record name is too long for the record journal (" + nameBytes.length + " bytes)");
    }
    ByteBuffer entry =
        ByteBuffer.allocate(1 + header.length + nameBytes.length + 1 + content.length + 1);
    entry.put(ENTRY_START).put(header).put(nameBytes).put((byte) '\n');
    entry.put(content).put((byte) '\n');
    return entry.flip();
  }

  /** Indexes what was appended since the last refresh; starts again if the file was replaced. */
  private void refresh() throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException none) {
      forgetIndex(null);
      return;
    }
    Object identity = identity(attributes);
    if (!identity.equals(indexedFile) || attributes.size() < indexedUpTo) {
      forgetIndex(identity);
    }
    if (attributes.size() == indexedUpTo) {
      return;
    }
    indexAppended();
  }

  /** Indexes what the file holds beyond what is indexed, without looking at its path again. */
  private void indexAppended() throws IOException {
    try {
      FileChannel channel = reader();
      long end = channel.size();
      int window = WINDOW;
      while (indexedUpTo < end) {
        long left = end - indexedUpTo;
        byte[] bytes = new byte[(int) Math.min(window, left)];
        int read = readAt(channel, bytes, indexedUpTo);
        if (read == 0) {
          break; // shorter than it said: read again by the next refresh
        }
        if (read < bytes.length) {
          bytes = Arrays.copyOf(bytes, read);
        }
        int consumed = parse(bytes, indexedUpTo);
        indexedUpTo += consumed;
        boolean wholeRest = bytes.length >= left;
        if (consumed == 0 && !wholeRest) {
          if (window > Integer.MAX_VALUE / 2 - 16) {
            throw new IOException("record journal " + file + " has an entry too large to read");
          }
          window *= 2; // an entry longer than the window
        } else if (consumed < bytes.length && wholeRest) {
          break; // an entry still being written
        } else {
          window = WINDOW;
        }
      }
    } catch (NoSuchFileException gone) {
      forgetIndex(null);
    }
  }

  /**
   * The channel reads go through, kept open: the file it was opened on while the index is of that
   * file (a refresh that finds the file replaced or gone closes it).
   */
  private FileChannel reader() throws IOException {
    if (reader == null || !reader.isOpen()) {
      reader = FileChannel.open(file, StandardOpenOption.READ);
    }
    return reader;
  }

  private void closeReader() {
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException e) {
        // a channel only read from has nothing to lose
      }
      reader = null;
    }
  }

  private void forgetIndex(Object identity) {
    closeReader();
    index.clear();
    packed.clear();
    indexedFile = identity;
    indexedUpTo = 0;
  }

  /**
   * Indexes the complete entries of {@code bytes}, which start at {@code base} in the file.
   *
   * @return how many bytes were consumed: up to the start of the last entry if it is incomplete and
   *     nothing follows it (another process may still be writing it), so that the next refresh
   *     reads it again
   */
  private int parse(byte[] bytes, long base) {
    int at = indexOf(bytes, ENTRY_START, 0, bytes.length);
    while (at >= 0) {
      int next = indexOf(bytes, ENTRY_START, at + 1, bytes.length);
      int headerEnd = indexOf(bytes, (byte) '\n', at + 1, Math.min(bytes.length, at + MAX_HEADER));
      if (headerEnd < 0 || (next >= 0 && next < headerEnd)) {
        if (next < 0 && bytes.length - at < MAX_HEADER) {
          return at;
        }
        at = next; // a header cut short by a crash
        continue;
      }
      Header header = Header.parse(bytes, at + 1, headerEnd);
      long entryEnd = header == null ? -1 : headerEnd + 1L + header.length() + 1;
      if (header != null && entryEnd > bytes.length) {
        if (next < 0) {
          return at;
        }
        // torn, and more follows
        indexed(header.name(bytes, headerEnd), damaged(base, headerEnd, header, next));
        at = next;
        continue;
      }
      if (header != null && header.matches(bytes, headerEnd)) {
        indexed(
            header.name(bytes, headerEnd),
            new Entry(base + headerEnd + 1, header.length(), header.crc(), false));
        at = indexOf(bytes, ENTRY_START, (int) entryEnd, bytes.length);
      } else {
        if (header != null) {
          indexed(header.name(bytes, headerEnd), damaged(base, headerEnd, header, next));
        }
        at = next;
      }
    }
    return bytes.length;
  }

  /**
   * A damaged entry whose header ends at {@code headerEnd}: its content runs as its header says,
   * but not into the next entry, at {@code next} (or, if negative, the end of what was read).
   */
  private static Entry damaged(long base, int headerEnd, Header header, int next) {
    long contentStart = headerEnd + 1L;
    long claimedEnd = contentStart + header.length();
    return new Entry(
        base + contentStart,
        (int) Math.max(0, (next < 0 ? claimedEnd : Math.min(claimedEnd, next)) - contentStart),
        header.crc(),
        true);
  }

  private void indexed(String name, Entry entry) {
    if (name.startsWith(ARTIFACT)) {
      Packed artifact =
          packed.computeIfAbsent(name.substring(ARTIFACT.length()), id -> new Packed());
      artifact.written.add(entry);
      if (artifact.live == null && !entry.damaged()) {
        artifact.live = entry;
      }
    } else if (name.startsWith(DELETED)) {
      Packed artifact = packed.get(name.substring(DELETED.length()));
      if (artifact != null) {
        artifact.live = null;
      }
    } else {
      index.put(name, entry);
    }
  }

  /** An entry's {@code length crc32c } before its name, which starts at {@code nameStart}. */
  private record Header(int length, long crc, int nameStart) {
    static Header parse(byte[] bytes, int from, int to) {
      int firstSpace = indexOf(bytes, (byte) ' ', from, to);
      int secondSpace = firstSpace < 0 ? -1 : indexOf(bytes, (byte) ' ', firstSpace + 1, to);
      if (secondSpace < 0 || secondSpace + 1 >= to) {
        return null;
      }
      try {
        int length = Integer.parseInt(new String(bytes, from, firstSpace - from, US_ASCII));
        long crc =
            Long.parseLong(
                new String(bytes, firstSpace + 1, secondSpace - firstSpace - 1, US_ASCII), 16);
        return length < 0 ? null : new Header(length, crc, secondSpace + 1);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    String name(byte[] bytes, int headerEnd) {
      return new String(bytes, nameStart, headerEnd - nameStart, UTF_8);
    }

    /** Whether the entry whose header ends at {@code headerEnd} is whole and unchanged. */
    boolean matches(byte[] bytes, int headerEnd) {
      int contentStart = headerEnd + 1;
      if (bytes[contentStart + length] != '\n') {
        return false;
      }
      CRC32C checksum = new CRC32C();
      checksum.update(bytes, nameStart, headerEnd - nameStart);
      checksum.update(bytes, contentStart, length);
      return checksum.getValue() == crc;
    }
  }

  /** Reads into {@code bytes} from {@code position} until full or the end; returns the count. */
  private static int readAt(FileChannel channel, byte[] bytes, long position) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        break;
      }
    }
    return buffer.position();
  }

  private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}

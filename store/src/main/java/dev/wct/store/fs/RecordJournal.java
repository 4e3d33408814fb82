package dev.wct.store.fs;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

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
 * incrementally: a read parses only what was appended since the last one.
 */
final class RecordJournal {
  static final String FILE_NAME = ".records";

  private static final byte ENTRY_START = 0x1E;

  /** The longest entry header a reader looks for (its name included); longer names are refused. */
  static final int MAX_HEADER = 4096;

  /** Where a record's content is, or, with a negative length, that its last entry is damaged. */
  private record Entry(long contentOffset, int length) {
    static final Entry DAMAGED = new Entry(-1, -1);

    boolean damaged() {
      return length < 0;
    }
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
  private boolean directoryDurable;
  private final TreeMap<String, Entry> index = new TreeMap<>();
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
    ByteBuffer entry = entry(name, content);
    FileChannel channel;
    synchronized (this) {
      channel = appender();
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
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (readAt(channel, content, entry.contentOffset()) < content.length) {
        throw new IOException("record journal " + file + " ends inside record " + name);
      }
    } catch (NoSuchFileException gone) {
      return Optional.empty();
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

  /** Closes the appending channel; a later append opens it again. */
  synchronized void close() {
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
   */
  private FileChannel appender() throws IOException {
    if (appender != null && appender.isOpen() && Files.exists(file)) {
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
      return appender();
    }
    return appender;
  }

  private static ByteBuffer entry(String name, byte[] content) {
    byte[] nameBytes = name.getBytes(UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(nameBytes);
    crc.update(content);
    byte[] header =
        (content.length + " " + Long.toHexString(crc.getValue()) + " ").getBytes(US_ASCII);
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
      index.clear();
      indexedFile = null;
      indexedUpTo = 0;
      return;
    }
    Object identity = attributes.fileKey() != null ? attributes.fileKey() : file;
    if (!identity.equals(indexedFile) || attributes.size() < indexedUpTo) {
      index.clear();
      indexedFile = identity;
      indexedUpTo = 0;
    }
    if (attributes.size() == indexedUpTo) {
      return;
    }
    byte[] bytes;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long end = channel.size();
      if (end - indexedUpTo > Integer.MAX_VALUE - 16) {
        throw new IOException("record journal " + file + " is too large to index: " + end);
      }
      bytes = new byte[(int) (end - indexedUpTo)];
      int read = readAt(channel, bytes, indexedUpTo);
      if (read < bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, read);
      }
    }
    indexedUpTo += parse(bytes, indexedUpTo);
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
        index.put(header.name(bytes, headerEnd), Entry.DAMAGED); // torn, and more follows
        at = next;
        continue;
      }
      if (header != null && header.matches(bytes, headerEnd)) {
        index.put(header.name(bytes, headerEnd), new Entry(base + headerEnd + 1, header.length()));
        at = indexOf(bytes, ENTRY_START, (int) entryEnd, bytes.length);
      } else {
        if (header != null) {
          index.put(header.name(bytes, headerEnd), Entry.DAMAGED);
        }
        at = next;
      }
    }
    return bytes.length;
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

package dev.wct.store.fs;

import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactNotFoundException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.StoreNames;
import dev.wct.store.StoredArtifact;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An artifact store in a local directory: {@code {root}/runs/{runId}/artifacts/{artifactId}.json}
 * and {@code {root}/runs/{runId}/_system/{name}} for run-level records; per-artifact records (names
 * with a folder) are entries of the run's {@link RecordJournal}, {@code _system/.records}.
 *
 * <p>An artifact is streamed to a temp file beside its target while its SHA-256 is computed,
 * synced, and published with a hard link that fails if the target exists: two writers of one
 * artifact end with exactly one complete file, and a crash leaves at most an invisible temp file.
 * Temp files older than an hour are removed when a store is opened. Run-level records are replaced
 * with an atomic rename; per-artifact records are appended.
 *
 * <p>When writes are synced is the {@link SyncPolicy}: per artifact (the default), or once per run
 * with a durable {@code .unsynced} marker in the run folder meanwhile; checksums of a run that has
 * the marker and is not being written by this store are computed from the bytes, never taken from
 * the sidecar.
 *
 * <p>Under {@link SyncPolicy#PER_RUN} an artifact of at most {@link #PACKED_MAX} bytes is not a
 * file of its own but an entry of the run's record journal: creating a file costs more than the
 * rest of a small artifact's save, and on some file systems (ext4 without a journal, after many
 * deletions) a millisecond. Every store reads packed artifacts whatever its own policy; deleting
 * one overwrites its bytes in the journal.
 */
public final class FileSystemArtifactStore implements ArtifactStore {
  /** The store root the CLI uses, relative to the working directory. */
  public static final Path DEFAULT_ROOT = Path.of(".wct");

  private static final Logger LOG = LoggerFactory.getLogger(FileSystemArtifactStore.class);
  private static final String ARTIFACT_SUFFIX = ".json";
  private static final Duration STALE_TEMP_AGE = Duration.ofHours(1);

  /** The largest artifact packed into its run's record journal under {@code PER_RUN}. */
  static final int PACKED_MAX = 32 * 1024;

  /** In a run folder while its artifacts may not be durable yet (policy {@code PER_RUN}). */
  static final String UNSYNCED_MARKER = ".unsynced";

  /** Files synced at once at the end of a run: the kernel merges their journal commits. */
  private static final int PARALLEL_SYNCS = 16;

  /** Record journals kept open at once: a long-lived worker writes into new runs for ever. */
  private static final int OPEN_JOURNALS = 64;

  /** Syncs a run's files in parallel when it ends ({@link #syncRun}). */
  private static final ExecutorService SYNCS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "wct-store-sync");
            thread.setDaemon(true);
            return thread;
          });

  private final Path root;
  private final Path runsDir;
  private final SyncPolicy syncPolicy;
  private final ConcurrentHashMap<String, UnsyncedRun> unsynced = new ConcurrentHashMap<>();
  private final KnownFolders folders = new KnownFolders();

  /** Runs whose record journal this store keeps open, least recently used first. */
  private final Map<String, RecordJournal> journals =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RecordJournal> eldest) {
          if (size() <= OPEN_JOURNALS) {
            return false;
          }
          eldest.getValue().close();
          return true;
        }
      };

  /**
   * Opens (without creating) a store under {@code root} that syncs every artifact, and removes
   * stale temp files.
   */
  public FileSystemArtifactStore(Path root) {
    this(root, SyncPolicy.PER_ARTIFACT);
  }

  /** Opens (without creating) a store under {@code root} and removes stale temp files. */
  public FileSystemArtifactStore(Path root, SyncPolicy syncPolicy) {
    this.root = root.toAbsolutePath().normalize();
    this.runsDir = this.root.resolve("runs");
    this.syncPolicy = Objects.requireNonNull(syncPolicy, "syncPolicy");
    removeStaleTempFiles(Instant.now().minus(STALE_TEMP_AGE));
  }

  public Path root() {
    return root;
  }

  public SyncPolicy syncPolicy() {
    return syncPolicy;
  }

  @Override
  public StoredArtifact save(String runId, String artifactId, Content content) {
    Path target = artifactFile(runId, artifactId);
    Objects.requireNonNull(content, "content");
    Optional<StoredArtifact> existing = existing(runId, artifactId, target);
    if (existing.isPresent()) {
      return existing.get();
    }
    Path temp = DurableFiles.tempFileFor(target);
    boolean deferred = syncPolicy == SyncPolicy.PER_RUN;
    UnsyncedRun run = null;
    boolean published = false;
    Path written = target;
    try {
      run = deferred ? beginUnsynced(runId) : null;
      Staged staged = stage(runId, artifactId, temp, content, !deferred);
      StoredArtifact stored;
      if (staged.packable() != null) {
        written = journal(runId).file();
        stored = pack(runId, artifactId, staged, null, null);
      } else {
        stored = publish(runId, artifactId, temp, staged.written(), !deferred);
      }
      published = true;
      return stored;
    } catch (IOException e) {
      throw failure("cannot save artifact " + target, e);
    } finally {
      if (!published) {
        deleteQuietly(temp);
      }
      if (run != null) {
        run.written(written);
      }
    }
  }

  /**
   * An artifact written and hashed: its bytes, if it is to be packed into its run's journal, else
   * its temp file, complete (and synced if durable).
   */
  private record Staged(StoredArtifact written, byte[] packable) {}

  /**
   * Streams an artifact while hashing it: into memory while it may be packed (small, under {@link
   * SyncPolicy#PER_RUN}), else into its temp file, synced if {@code durable}.
   */
  private Staged stage(String runId, String artifactId, Path temp, Content content, boolean durable)
      throws IOException {
    MessageDigest digest = sha256();
    int packable = syncPolicy == SyncPolicy.PER_RUN ? PACKED_MAX : 0;
    try (SpillingOutputStream out =
        new SpillingOutputStream(packable, () -> folders.createTemp(temp))) {
      DigestOutputStream hashing = new DigestOutputStream(out, digest);
      content.writeTo(new UncloseableOutputStream(hashing));
      hashing.flush();
      String key = ArtifactStore.artifactKey(runId, artifactId);
      String sha256 = HexFormat.of().formatHex(digest.digest());
      byte[] small = out.inMemory();
      if (small != null && packable > 0 && RecordJournal.canPack(small)) {
        return new Staged(new StoredArtifact(key, small.length, sha256), small);
      }
      out.spill();
      if (durable) {
        out.force();
      }
      return new Staged(new StoredArtifact(key, out.size(), sha256), null);
    }
  }

  /**
   * Appends a small artifact to its run's journal unless it is there already, with its record
   * {@code recordName} (if not null) in the same write.
   *
   * @return what is stored: this call's artifact, or the one another writer stored first
   */
  private StoredArtifact pack(
      String runId, String artifactId, Staged staged, String recordName, RecordOf record)
      throws IOException {
    RecordJournal journal = journal(runId);
    StoredArtifact ours = staged.written();
    byte[] describing = recordName == null ? null : record.describe(ours);
    Optional<byte[]> earlier =
        journal.appendArtifact(artifactId, staged.packable(), recordName, describing);
    if (earlier.isEmpty()) {
      if (LOG.isDebugEnabled()) {
        LOG.debug("saved artifact {} ({} bytes, packed)", ours.key(), ours.sizeBytes());
      }
      return ours;
    }
    LOG.debug("artifact {} was already saved; kept the existing one", ours.key());
    StoredArtifact kept = packedArtifact(runId, artifactId, earlier.get());
    if (recordName != null) {
      journal.append(recordName, record.describe(kept), false);
    }
    return kept;
  }

  private static StoredArtifact packedArtifact(String runId, String artifactId, byte[] content) {
    return new StoredArtifact(
        ArtifactStore.artifactKey(runId, artifactId),
        content.length,
        HexFormat.of().formatHex(sha256().digest(content)));
  }

  /** A packed artifact's content, if the run's journal holds it. */
  private Optional<byte[]> packed(String runId, String artifactId) {
    RecordJournal journal = journal(runId);
    try {
      return journal.readArtifact(artifactId);
    } catch (IOException e) {
      throw failure("cannot read artifact " + artifactId + " in " + journal.file(), e);
    }
  }

  /**
   * Publishes the artifact, then appends its record to the run's record journal: a crash can leave
   * an artifact without its record, never a record without its artifact. Under {@link
   * SyncPolicy#PER_ARTIFACT} the artifact is durable before the record is written, and the record
   * before this returns; under {@link SyncPolicy#PER_RUN} both are synced when the run ends.
   */
  @Override
  public StoredArtifact saveWithRecord(
      String runId, String artifactId, Content content, String recordName, RecordOf record) {
    Path target = artifactFile(runId, artifactId);
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(record, "record");
    StoreNames.recordName(recordName);
    if (!perArtifactRecord(recordName)) {
      return ArtifactStore.super.saveWithRecord(runId, artifactId, content, recordName, record);
    }
    Optional<StoredArtifact> existing = existing(runId, artifactId, target);
    if (existing.isPresent()) {
      saveRecord(runId, recordName, record.describe(existing.get()));
      return existing.get();
    }
    boolean durable = syncPolicy == SyncPolicy.PER_ARTIFACT;
    Path temp = DurableFiles.tempFileFor(target);
    RecordJournal journal = journal(runId);
    UnsyncedRun run = null;
    boolean published = false;
    boolean packed = false;
    try {
      run = durable ? null : beginUnsynced(runId);
      Staged staged = stage(runId, artifactId, temp, content, durable);
      if (staged.packable() != null) {
        packed = true;
        StoredArtifact stored = pack(runId, artifactId, staged, recordName, record);
        published = true;
        return stored;
      }
      StoredArtifact stored = publish(runId, artifactId, temp, staged.written(), durable);
      published = true;
      byte[] describing = record.describe(stored);
      journal.append(recordName, describing, durable);
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "saved record {} ({} bytes{})",
            ArtifactStore.recordKey(runId, recordName),
            describing.length,
            durable ? "" : ", synced at run end");
      }
      return stored;
    } catch (IOException e) {
      throw failure("cannot save artifact " + target + " with record " + recordName, e);
    } finally {
      if (!published) {
        deleteQuietly(temp);
      }
      if (run != null) {
        if (packed) {
          run.written(journal.file());
        } else {
          run.written(target, journal.file());
        }
      }
    }
  }

  /**
   * Publishes a complete, synced temp file under its artifact's name unless one is there already.
   *
   * @return {@code written} itself if this call published it, else what the other writer stored
   */
  private StoredArtifact publish(
      String runId, String artifactId, Path temp, StoredArtifact written, boolean durable)
      throws IOException {
    Path target = artifactFile(runId, artifactId);
    if (ChecksumSidecar.worthIt(written.sizeBytes())) {
      BasicFileAttributes attributes = Files.readAttributes(temp, BasicFileAttributes.class);
      ChecksumSidecar.write(
          ChecksumSidecar.of(target), ChecksumSidecar.identity(attributes), written.sha256());
    }
    if (DurableFiles.publishOnce(temp, target, durable)) {
      if (LOG.isDebugEnabled()) {
        LOG.debug("saved artifact {} ({} bytes)", written.key(), written.sizeBytes());
      }
      return written;
    }
    LOG.debug("artifact {} was already saved; kept the existing one", written.key());
    return stat(runId, artifactId)
        .orElseThrow(
            () ->
                WctException.external(
                    "artifact " + target + " was deleted while being saved", null));
  }

  private static void awaitSync(CompletableFuture<Void> sync) throws IOException {
    try {
      sync.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e;
    }
  }

  /**
   * A hard link: no bytes copied, and the copy outlives a deletion of the source run. The source's
   * checksum is checked first (its sidecar, else by hashing); a link that cannot be made (another
   * file system) falls back to a streamed copy.
   */
  @Override
  public Optional<StoredArtifact> copy(
      String fromRunId, String artifactId, String toRunId, String expectedSha256) {
    Optional<StoredArtifact> source = stat(fromRunId, artifactId);
    if (source.isEmpty() || !source.get().sha256().equals(expectedSha256)) {
      return Optional.empty();
    }
    if (!artifactFile(fromRunId, artifactId).toFile().exists()) {
      // packed: no file to link, so it is copied as bytes (and packed again if small enough)
      return ArtifactStore.super.copy(fromRunId, artifactId, toRunId, expectedSha256);
    }
    Path target = artifactFile(toRunId, artifactId);
    UnsyncedRun run = null;
    try {
      if (syncPolicy == SyncPolicy.PER_RUN) {
        run = beginUnsynced(toRunId);
      }
      DurableFiles.createPrivateDirectories(target.getParent());
      Files.createLink(target, artifactFile(fromRunId, artifactId));
      if (run == null) {
        if (markedUnsynced(fromRunId)) {
          // the shared bytes were written under PER_RUN and may not be durable yet
          DurableFiles.forceUnchecked(target);
        }
        DurableFiles.syncDirectory(target.getParent());
      }
    } catch (java.nio.file.FileAlreadyExistsException kept) {
      LOG.debug("artifact {} already copied", ArtifactStore.artifactKey(toRunId, artifactId));
    } catch (IOException | UnsupportedOperationException | UncheckedIOException noLink) {
      return ArtifactStore.super.copy(fromRunId, artifactId, toRunId, expectedSha256);
    } finally {
      if (run != null) {
        run.written(target);
      }
    }
    return stat(toRunId, artifactId).filter(copy -> copy.sha256().equals(expectedSha256));
  }

  @Override
  public InputStream read(String runId, String artifactId) {
    Path file = artifactFile(runId, artifactId);
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      return packed(runId, artifactId)
          .map(content -> (InputStream) new ByteArrayInputStream(content))
          .orElseThrow(() -> new ArtifactNotFoundException(runId, artifactId));
    } catch (IOException e) {
      throw failure("cannot read artifact " + file, e);
    }
  }

  @Override
  public Optional<StoredArtifact> stat(String runId, String artifactId) {
    Path file = artifactFile(runId, artifactId);
    try {
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(file, BasicFileAttributes.class);
      } catch (NoSuchFileException e) {
        return packed(runId, artifactId).map(content -> packedArtifact(runId, artifactId, content));
      }
      String identity = ChecksumSidecar.identity(attributes);
      Path sidecar = ChecksumSidecar.of(file);
      String sha256;
      if (!ChecksumSidecar.worthIt(attributes.size())) {
        sha256 = hash(file);
      } else if (unsyncedByAnother(runId)) {
        // its writer died before syncing it: after a power loss the bytes may not be those hashed
        sha256 = hash(file);
      } else {
        Optional<String> recorded = ChecksumSidecar.read(sidecar, identity);
        if (recorded.isPresent()) {
          sha256 = recorded.get();
        } else {
          sha256 = hash(file);
          rebuildSidecar(sidecar, identity, sha256);
        }
      }
      return Optional.of(
          new StoredArtifact(
              ArtifactStore.artifactKey(runId, artifactId), attributes.size(), sha256));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("cannot stat artifact " + file, e);
    }
  }

  @Override
  public List<String> list(String runId) {
    Path dir = artifactsDir(runId);
    List<String> ids = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (!name.startsWith(".") && name.endsWith(ARTIFACT_SUFFIX)) {
          ids.add(name.substring(0, name.length() - ARTIFACT_SUFFIX.length()));
        }
      }
    } catch (NoSuchFileException e) {
      // a run may hold packed artifacts only
    } catch (IOException e) {
      throw failure("cannot list artifacts in " + dir, e);
    }
    RecordJournal journal = journal(runId);
    try {
      ids.addAll(journal.artifactIds());
    } catch (IOException e) {
      throw failure("cannot list artifacts in " + journal.file(), e);
    }
    return List.copyOf(new TreeSet<>(ids));
  }

  @Override
  public void delete(String runId, String artifactId) {
    deleteAll(runId, List.of(artifactId));
  }

  /**
   * Deletes the artifacts' files, then the packed ones from the run's journal in one pass: their
   * deletions in one write, then their bytes overwritten. A run without an artifacts folder has
   * only packed artifacts: no file is looked for.
   */
  @Override
  public void deleteAll(String runId, Collection<String> artifactIds) {
    RecordJournal journal = journal(runId);
    boolean durable = syncPolicy == SyncPolicy.PER_ARTIFACT;
    UnsyncedRun run = null;
    Path file = null;
    try {
      boolean anyFiles = Files.isDirectory(artifactsDir(runId));
      for (String artifactId : artifactIds) {
        file = artifactFile(runId, artifactId);
        if (anyFiles) {
          Files.deleteIfExists(file);
          Files.deleteIfExists(ChecksumSidecar.of(file));
        }
      }
      file = journal.file();
      // a scrub is synced with the run, like the unlink of a file
      run = durable || !journal.holdsAnyArtifact(artifactIds) ? null : beginUnsynced(runId);
      journal.deleteArtifacts(artifactIds, durable);
      if (LOG.isDebugEnabled()) {
        LOG.debug("deleted {} artifact(s) of run {}", artifactIds.size(), runId);
      }
    } catch (IOException e) {
      throw failure("cannot delete artifact " + file, e);
    } finally {
      if (run != null) {
        run.written(journal.file());
      }
    }
  }

  /**
   * Deletes the run's folder, deepest entries first. A crash halfway leaves a partial run that a
   * second deletion finishes; files vanishing meanwhile are not an error.
   */
  @Override
  public void deleteRun(String runId) {
    Path dir = runDir(runId);
    UnsyncedRun run = unsynced.get(runId);
    if (run != null) {
      run.forget();
    }
    RecordJournal journal;
    synchronized (journals) {
      journal = journals.remove(runId);
    }
    if (journal != null) {
      journal.close();
    }
    folders.forgetUnder(dir);
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(dir)) {
      entries = new ArrayList<>(walk.toList());
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException | UncheckedIOException e) {
      throw failure("cannot list run " + dir + " for deletion", e);
    }
    entries.sort(java.util.Comparator.comparingInt(Path::getNameCount).reversed());
    for (Path entry : entries) {
      try {
        Files.deleteIfExists(entry);
      } catch (IOException e) {
        throw failure("cannot delete " + entry, e);
      }
    }
    LOG.debug("deleted run {}", runId);
  }

  @Override
  public List<String> listRuns() {
    List<String> ids = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runsDir)) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(".") && Files.isDirectory(dir) && holdsAnything(dir)) {
          ids.add(name);
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException | UncheckedIOException e) {
      throw failure("cannot list runs in " + runsDir, e);
    }
    ids.sort(null);
    return List.copyOf(ids);
  }

  /**
   * A per-artifact record (one in a folder of {@code _system/}) is appended to the run's record
   * journal, synced now under {@link SyncPolicy#PER_ARTIFACT} and when the run ends under {@link
   * SyncPolicy#PER_RUN}; a run-level record replaces its file, synced.
   */
  @Override
  public void saveRecord(String runId, String name, byte[] content) {
    if (!perArtifactRecord(StoreNames.recordName(name))) {
      writeRecord(runId, name, content, true);
      return;
    }
    RecordJournal journal = journal(runId);
    boolean durable = syncPolicy == SyncPolicy.PER_ARTIFACT;
    UnsyncedRun run = null;
    try {
      run = durable ? null : beginUnsynced(runId);
      journal.append(name, content, durable);
      logSavedRecord(runId, name, content);
    } catch (IOException e) {
      throw failure("cannot save record " + name + " in " + journal.file(), e);
    } finally {
      if (run != null) {
        run.written(journal.file());
      }
    }
  }

  /** Skips the syncs of a durable record: the rename or the append stays atomic. */
  @Override
  public void saveProgressRecord(String runId, String name, byte[] content) {
    if (!perArtifactRecord(StoreNames.recordName(name))) {
      writeRecord(runId, name, content, false);
      return;
    }
    RecordJournal journal = journal(runId);
    try {
      journal.append(name, content, false);
      logSavedRecord(runId, name, content);
    } catch (IOException e) {
      throw failure("cannot save record " + name + " in " + journal.file(), e);
    }
  }

  private static void logSavedRecord(String runId, String name, byte[] content) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("saved record {} ({} bytes)", ArtifactStore.recordKey(runId, name), content.length);
    }
  }

  private void writeRecord(String runId, String name, byte[] content, boolean durable) {
    Path file = recordFile(runId, name);
    try {
      DurableFiles.replace(folders, file, content, durable);
      logSavedRecord(runId, name, content);
    } catch (IOException e) {
      throw failure("cannot save record " + file, e);
    }
  }

  @Override
  public Optional<byte[]> readRecord(String runId, String name) {
    Path file = recordFile(runId, name);
    try {
      if (perArtifactRecord(name)) {
        Optional<byte[]> journaled = journal(runId).read(name);
        if (journaled.isPresent()) {
          return journaled;
        }
      }
      if (!file.toFile().exists()) {
        return Optional.empty(); // the common answer, without the exception a failed read costs
      }
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (RecordJournal.DamagedRecordException e) {
      throw new UncheckedIOException(e);
    } catch (IOException e) {
      throw failure("cannot read record " + file, e);
    }
  }

  @Override
  public List<String> listRecords(String runId, String prefix) {
    StoreNames.recordPrefix(prefix);
    Path systemDir = systemDir(runId);
    if (!Files.isDirectory(systemDir)) {
      return List.of();
    }
    Set<String> names = new HashSet<>();
    try (Stream<Path> files = Files.walk(systemDir)) {
      files
          .filter(Files::isRegularFile)
          .map(
              file ->
                  systemDir
                      .relativize(file)
                      .toString()
                      .replace(file.getFileSystem().getSeparator(), "/"))
          .filter(name -> name.startsWith(prefix) && !hasHiddenSegment(name))
          .forEach(names::add);
      names.addAll(journal(runId).names(prefix));
    } catch (IOException | UncheckedIOException e) {
      throw failure("cannot list records in " + systemDir, e);
    }
    return List.copyOf(new TreeSet<>(names));
  }

  /**
   * Under {@link SyncPolicy#PER_RUN}: syncs every file this store wrote into the run since its last
   * sync, in parallel, then their folders, then removes the run's {@code .unsynced} marker. A no-op
   * for a run with nothing unsynced.
   */
  @Override
  public void syncRun(String runId) {
    UnsyncedRun run = unsynced.get(StoreNames.runId(runId));
    if (run == null) {
      return;
    }
    try {
      run.sync();
    } catch (IOException | UncheckedIOException e) {
      throw failure("cannot sync run " + runDir(runId), e);
    }
  }

  /** Syncs the runs this store left unsynced, so that a run interrupted in this process is kept. */
  @Override
  public void close() {
    for (UnsyncedRun run : unsynced.values()) {
      try {
        run.sync();
      } catch (IOException | RuntimeException e) {
        LOG.warn("could not sync run {}: {}", run.dir, e.getMessage());
      }
    }
    synchronized (journals) {
      journals.values().forEach(RecordJournal::close);
      journals.clear();
    }
  }

  @Override
  public String location(String runId, String artifactId) {
    Path file = artifactFile(runId, artifactId);
    if (!Files.exists(file) && packed(runId, artifactId).isPresent()) {
      return journal(runId).file() + " (packed artifact " + artifactId + ")";
    }
    return file.toString();
  }

  @Override
  public String recordLocation(String runId, String name) {
    Path file = recordFile(runId, name);
    return perArtifactRecord(name)
        ? systemDir(runId).resolve(RecordJournal.FILE_NAME) + " (record " + name + ")"
        : file.toString();
  }

  private Path runDir(String runId) {
    return runsDir.resolve(StoreNames.runId(runId));
  }

  private Path artifactFile(String runId, String artifactId) {
    StoreNames.artifactId(artifactId);
    return artifactsDir(runId).resolve(artifactId + ARTIFACT_SUFFIX);
  }

  private Path artifactsDir(String runId) {
    return runDir(runId).resolve("artifacts");
  }

  private Path systemDir(String runId) {
    return runDir(runId).resolve("_system");
  }

  private Path recordFile(String runId, String name) {
    StoreNames.recordName(name);
    return systemDir(runId).resolve(name);
  }

  /** The run's record journal, kept open for appends while it is among the most recently used. */
  private RecordJournal journal(String runId) {
    Path systemDir = systemDir(runId);
    synchronized (journals) {
      return journals.computeIfAbsent(runId, id -> new RecordJournal(systemDir, folders));
    }
  }

  /** Records in a folder of {@code _system/} are one per artifact or partition. */
  private static boolean perArtifactRecord(String name) {
    return name.indexOf('/') >= 0;
  }

  private UnsyncedRun beginUnsynced(String runId) throws IOException {
    UnsyncedRun run = unsynced.computeIfAbsent(runId, id -> new UnsyncedRun(runDir(id)));
    run.begin();
    return run;
  }

  /**
   * What is stored under the key already, if anything: the common answer, none, without the
   * exception a failed {@code stat} costs.
   */
  private Optional<StoredArtifact> existing(String runId, String artifactId, Path target) {
    return target.toFile().exists()
        ? stat(runId, artifactId)
        : packed(runId, artifactId).map(content -> packedArtifact(runId, artifactId, content));
  }

  private boolean markedUnsynced(String runId) {
    return Files.exists(runDir(runId).resolve(UNSYNCED_MARKER));
  }

  /** Whether the run has the marker and this store is not the one writing it. */
  private boolean unsyncedByAnother(String runId) {
    UnsyncedRun run = unsynced.get(runId);
    return (run == null || !run.marked()) && markedUnsynced(runId);
  }

  /**
   * What this store wrote into one run without syncing it. The run folder holds the durable {@code
   * .unsynced} marker from before the first such write until everything written is synced. Writes
   * share the read lock, so that concurrent producers do not queue for it; marking the run and
   * deciding that it is synced take the write lock.
   */
  private final class UnsyncedRun {
    private final Path dir;
    private final Set<Path> files = ConcurrentHashMap.newKeySet();
    private final AtomicInteger writing = new AtomicInteger();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean marked;

    UnsyncedRun(Path dir) {
      this.dir = dir;
    }

    boolean marked() {
      return marked;
    }

    /** Before a write: the marker is durable before any unsynced file is. */
    void begin() throws IOException {
      lock.readLock().lock();
      try {
        if (marked) {
          writing.incrementAndGet();
          return;
        }
      } finally {
        lock.readLock().unlock();
      }
      lock.writeLock().lock();
      try {
        if (!marked) {
          DurableFiles.createPrivateDirectories(dir);
          Path marker = dir.resolve(UNSYNCED_MARKER);
          try {
            DurableFiles.writeTemp(marker, new byte[0], false);
          } catch (java.nio.file.FileAlreadyExistsException already) {
            // left by an earlier writer of this run, or another store on this folder
          }
          DurableFiles.syncDirectory(dir);
          DurableFiles.syncDirectory(runsDir);
          DurableFiles.syncDirectory(root);
          marked = true;
        }
        writing.incrementAndGet();
      } finally {
        lock.writeLock().unlock();
      }
    }

    /**
     * After a write, whether it succeeded or not. The files are added before the write stops
     * counting: a sync that finds no write in progress finds their files.
     */
    void written(Path... written) {
      files.addAll(Arrays.asList(written));
      writing.decrementAndGet();
    }

    void forget() {
      lock.writeLock().lock();
      try {
        files.clear();
        marked = false;
      } finally {
        lock.writeLock().unlock();
      }
    }

    void sync() throws IOException {
      if (!marked) {
        return;
      }
      List<Path> toSync = new ArrayList<>();
      for (Path file : files) {
        if (files.remove(file)) {
          toSync.add(file);
        }
      }
      try {
        forceAll(toSync);
        Set<Path> folders = new TreeSet<>();
        for (Path file : toSync) {
          for (Path folder = file.getParent();
              folder != null && folder.startsWith(dir);
              folder = folder.getParent()) {
            folders.add(folder);
          }
        }
        folders.forEach(DurableFiles::syncDirectory);
      } catch (IOException | RuntimeException e) {
        files.addAll(toSync);
        throw e;
      }
      lock.writeLock().lock();
      try {
        if (files.isEmpty() && writing.get() == 0 && marked) {
          Files.deleteIfExists(dir.resolve(UNSYNCED_MARKER));
          DurableFiles.syncDirectory(dir);
          marked = false;
          LOG.debug("synced run {}: {} files", dir.getFileName(), toSync.size());
        }
      } finally {
        lock.writeLock().unlock();
      }
    }
  }

  /** Syncs files at once from several threads; a file deleted meanwhile needs no sync. */
  private static void forceAll(List<Path> files) throws IOException {
    int threads = Math.min(PARALLEL_SYNCS, files.size());
    List<CompletableFuture<Void>> syncs = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      int first = t;
      syncs.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = first; i < files.size(); i += threads) {
                  DurableFiles.forceIfExists(files.get(i));
                }
              },
              SYNCS));
    }
    for (CompletableFuture<Void> sync : syncs) {
      awaitSync(sync);
    }
  }

  private static boolean holdsAnything(Path runDir) throws IOException {
    try (Stream<Path> files = Files.walk(runDir)) {
      return files.anyMatch(
          file -> {
            String name = file.getFileName().toString();
            return Files.isRegularFile(file)
                && (!name.startsWith(".") || name.equals(RecordJournal.FILE_NAME));
          });
    }
  }

  private static boolean hasHiddenSegment(String name) {
    return name.startsWith(".") || name.contains("/.");
  }

  private void removeStaleTempFiles(Instant olderThan) {
    if (!Files.isDirectory(runsDir)) {
      return;
    }
    FileTime cutoff = FileTime.from(olderThan);
    try (Stream<Path> files = Files.walk(runsDir)) {
      files
          .filter(file -> DurableFiles.isTempFile(file) && Files.isRegularFile(file))
          .filter(file -> modifiedBefore(file, cutoff))
          .forEach(
              file -> {
                deleteQuietly(file);
                LOG.debug("removed temp file {} left by an interrupted write", file);
              });
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("could not clean up temp files under {}: {}", runsDir, e.getMessage());
    }
  }

  private static boolean modifiedBefore(Path file, FileTime cutoff) {
    try {
      return Files.getLastModifiedTime(file).compareTo(cutoff) < 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static void rebuildSidecar(Path sidecar, String identity, String sha256) {
    try {
      ChecksumSidecar.write(sidecar, identity, sha256);
    } catch (IOException e) {
      // A read-only store still answers; the next stat hashes again.
      LOG.debug("could not rebuild checksum {}: {}", sidecar, e.getMessage());
    }
  }

  private static String hash(Path file) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.debug("could not delete {}: {}", file, e.getMessage());
    }
  }

  private static WctException failure(String what, Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    return WctException.external(
        what + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), e);
  }
}

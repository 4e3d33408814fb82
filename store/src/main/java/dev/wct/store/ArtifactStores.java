package dev.wct.store;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a store by its location, {@code s3://bucket/prefix} or a folder path, with the provider of
 * the location's scheme: the command line and the worker name no store class.
 */
public final class ArtifactStores {
  /** Setting: the endpoint of an S3-compatible server such as MinIO; unset for AWS. */
  public static final String S3_ENDPOINT = "s3.endpoint";

  /** Setting: the S3 signing region; unset for the S3 store's default. */
  public static final String S3_REGION = "s3.region";

  /**
   * Setting: server-side encryption of S3 objects, {@code aes256} or {@code kms}; unset for none.
   */
  public static final String S3_SSE = "s3.sse";

  /** Setting: the KMS key of {@code s3.sse=kms}; unset for the account's {@code aws/s3} key. */
  public static final String S3_KMS_KEY_ID = "s3.kms-key-id";

  /**
   * Setting: when a folder store syncs, {@code per-artifact} (the default) or {@code per-run} (only
   * for a run written by one process on an orchestrator that a machine crash loses anyway, {@code
   * wct run}); see {@link dev.wct.store.fs.SyncPolicy}.
   */
  public static final String FOLDER_SYNC = "folder.sync";

  /** The scheme of folder paths, the locations without a scheme. */
  public static final String FOLDER_SCHEME = "file";

  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://.*");

  private ArtifactStores() {}

  /** Opens the store at {@code location} with no settings. */
  public static ArtifactStore open(String location) {
    return open(location, Map.of());
  }

  /**
   * Opens the store at {@code location} with the provider of its scheme found on the class path.
   *
   * @throws IllegalArgumentException when no provider knows the scheme (the message names those
   *     known), or the provider finds the location or a setting invalid
   */
  public static ArtifactStore open(String location, Map<String, String> settings) {
    return open(
        location,
        settings,
        ServiceLoader.load(ArtifactStoreProvider.class, ArtifactStores.class.getClassLoader()));
  }

  static ArtifactStore open(
      String location, Map<String, String> settings, Iterable<ArtifactStoreProvider> found) {
    Objects.requireNonNull(settings, "settings");
    return providerOf(location, found).open(location, settings);
  }

  /**
   * Checks that a provider on the class path knows the scheme of {@code location}, without opening
   * anything, so that a command line can refuse a wrong location when it is parsed.
   *
   * @throws IllegalArgumentException when no provider knows the scheme (the message names those
   *     known)
   */
  public static void checkScheme(String location) {
    providerOf(
        location,
        ServiceLoader.load(ArtifactStoreProvider.class, ArtifactStores.class.getClassLoader()));
  }

  private static ArtifactStoreProvider providerOf(
      String location, Iterable<ArtifactStoreProvider> found) {
    Objects.requireNonNull(location, "location");
    if (location.isBlank()) {
      throw new IllegalArgumentException("store location must not be empty");
    }
    String scheme = schemeOf(location);
    SortedMap<String, ArtifactStoreProvider> providers = new TreeMap<>();
    for (ArtifactStoreProvider provider : found) {
      providers.putIfAbsent(provider.scheme().toLowerCase(Locale.ROOT), provider);
    }
    ArtifactStoreProvider provider = providers.get(scheme);
    if (provider == null) {
      throw new IllegalArgumentException(
          "unknown store scheme '"
              + scheme
              + "' in '"
              + location
              + "': known schemes are "
              + String.join(", ", providers.keySet())
              + " ("
              + FOLDER_SCHEME
              + " is a folder path)");
    }
    return provider;
  }

  /** The scheme of a location, lower case: {@link #FOLDER_SCHEME} for a path. */
  public static String schemeOf(String location) {
    Matcher uri = SCHEME.matcher(location);
    return uri.matches() ? uri.group(1).toLowerCase(Locale.ROOT) : FOLDER_SCHEME;
  }
}

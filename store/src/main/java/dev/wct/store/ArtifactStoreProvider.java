package dev.wct.store;

import java.util.Map;

/**
 * Opens the stores of one kind of location, found by {@link ArtifactStores} with {@link
 * java.util.ServiceLoader}: a jar with a {@code
 * META-INF/services/dev.wct.store.ArtifactStoreProvider} entry adds a kind of store to the command
 * line and the worker alike.
 */
public interface ArtifactStoreProvider {
  /**
   * The scheme of the locations it opens, lower case, such as {@code s3} for {@code
   * s3://bucket/prefix}; {@code file} opens folder paths (locations without a scheme).
   */
  String scheme();

  /**
   * Opens the store at {@code location}.
   *
   * @param location the location as given, scheme included if it has one
   * @param settings options such as {@link ArtifactStores#S3_ENDPOINT}; a provider ignores those it
   *     does not know
   * @throws IllegalArgumentException when the location or a setting is invalid, saying why; a
   *     message about a setting starts with the setting's name and a colon, so that callers can
   *     name their own option instead
   */
  ArtifactStore open(String location, Map<String, String> settings);
}

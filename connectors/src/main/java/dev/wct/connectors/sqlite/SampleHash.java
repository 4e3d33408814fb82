package dev.wct.connectors.sqlite;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * {@code wct_sample_hash(seed, value, ...)}: a 64-bit hash of the seed and the values' text
 * (FNV-1a, then the SplitMix64 finaliser to spread close keys apart), registered on each session as
 * a deterministic SQL function so that SQLite can order rows by it as PostgreSQL and MySQL order by
 * {@code md5}.
 */
final class SampleHash extends Function {
  static final String NAME = "wct_sample_hash";

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  static void register(Connection connection) throws SQLException {
    Function.create(connection, NAME, new SampleHash(), -1, Function.FLAG_DETERMINISTIC);
  }

  @Override
  protected void xFunc() throws SQLException {
    long hash = FNV_OFFSET;
    for (int i = 0; i < args(); i++) {
      String text = value_text(i);
      byte[] bytes = (text == null ? "\u0000" : text).getBytes(StandardCharsets.UTF_8);
      for (byte b : bytes) {
        hash = (hash ^ (b & 0xff)) * FNV_PRIME;
      }
      hash = (hash ^ '|') * FNV_PRIME;
    }
    result(mix(hash));
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}

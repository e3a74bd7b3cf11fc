package bayou.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where runs are kept: {@code store/<campaign>/<timestamp>-seed<seed>/}, with
 * {@code store/latest} pointing at the newest run.
 */
final class RunStore {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS");

  private RunStore() {}

  static Path newRun(Path store, String campaign, long seed) {
    Path dir = store.resolve(campaign)
        .resolve(LocalDateTime.now().format(STAMP) + "-seed" + seed);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create run directory " + dir, e);
    }
    return dir;
  }

  /** Points {@code store/latest} at {@code run}; a failure only costs the convenience link. */
  static synchronized void markLatest(Path store, Path run) {
    Path latest = store.resolve("latest");
    try {
      Files.deleteIfExists(latest);
      Files.createSymbolicLink(latest, store.toAbsolutePath().relativize(run.toAbsolutePath()));
    } catch (IOException | UnsupportedOperationException e) {
      System.err.println("bayou campaign: could not update " + latest + ": " + e.getMessage());
    }
  }
}

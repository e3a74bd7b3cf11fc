package bayou.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** The bytes a run directory (or a store) holds, as {@code ls} counts them, and in words. */
public final class DiskUsage {
  private DiskUsage() {}

  /** The sum of the regular files' sizes under dir; 0 when it does not exist. */
  public static long bytes(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(DiskUsage::size).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + dir + ": " + e.getMessage(), e);
    }
  }

  /** For example {@code 812 KB}, {@code 3.4 MB}: powers of 1024, as du -h. */
  public static String words(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double kb = bytes / 1024.0;
    if (kb < 1024) {
      return String.format(Locale.ROOT, "%.0f KB", kb);
    }
    double mb = kb / 1024;
    return mb < 1024 ? String.format(Locale.ROOT, "%.1f MB", mb)
        : String.format(Locale.ROOT, "%.1f GB", mb / 1024);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // removed while walking
    }
  }
}

package bayou.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records the pid and token of every node process this JVM starts, one file per master in
 * {@code $TMPDIR/bayou-pids/}, so that {@code bin/cleanup} can stop what a crashed run left
 * behind by recorded pid (checking the token in its command line), never by process name.
 */
final class PidRegistry {
  private final Path file;

  private PidRegistry(Path file) {
    this.file = file;
  }

  static Path directory() {
    return Path.of(System.getProperty("java.io.tmpdir"), "bayou-pids");
  }

  static PidRegistry forThisProcess() {
    Path dir = directory();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      System.err.println("bayou: cannot record node pids in " + dir + ": " + e.getMessage());
    }
    return new PidRegistry(dir.resolve(ProcessHandle.current().pid() + ".pids"));
  }

  synchronized void record(long pid, long token) {
    try {
      Files.writeString(file, pid + " " + token + "\n", StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("bayou: cannot record pid " + pid + ": " + e.getMessage());
    }
  }

  synchronized void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a stale file only costs bin/cleanup a check
    }
  }
}

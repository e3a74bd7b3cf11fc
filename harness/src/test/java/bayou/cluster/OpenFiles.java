package bayou.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

/** This process's open file descriptors, as Linux lists them: sockets count too. */
final class OpenFiles {
  static final Path FDS = Path.of("/proc/self/fd");

  private OpenFiles() {}

  static boolean countable() {
    return Files.isDirectory(FDS);
  }

  static long count() throws IOException {
    try (Stream<Path> fds = Files.list(FDS)) {
      return fds.count();
    }
  }

  /**
   * Waits until the count satisfies {@code settled} or {@code timeoutMs} pass (closing a socket
   * on another thread takes a moment); returns the last count.
   */
  static long awaitCount(LongPredicate settled, long timeoutMs)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    Object pause = new Object();
    long count = count();
    while (!settled.test(count) && System.nanoTime() < deadline) {
      synchronized (pause) {
        pause.wait(20); // a poll of a count no one signals
      }
      count = count();
    }
    return count;
  }
}

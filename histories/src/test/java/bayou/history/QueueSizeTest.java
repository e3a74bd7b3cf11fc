package bayou.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: a 30 s campaign kept an 80 MB queue (as ls counts it) for about 1 MB of events. */
class QueueSizeTest {
  @TempDir Path run;

  @Test
  void aSmallHistoryKeepsASmallQueue() throws IOException {
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      for (int i = 0; i < 5_000; i++) {
        history.record(NemesisEvent.of("break", i % 5, 5 + i % 3, null, null));
      }
    }
    long bytes;
    try (Stream<Path> files = Files.walk(run)) {
      bytes = files.filter(Files::isRegularFile).mapToLong(QueueSizeTest::size).sum();
    }
    assertTrue(bytes < 4 * QueueFiles.BLOCK_BYTES, bytes + " bytes");
    assertEquals(5_000, HistoryReader.readAll(run).size());
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

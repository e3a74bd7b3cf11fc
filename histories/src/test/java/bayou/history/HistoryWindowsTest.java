package bayou.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryWindowsTest {
  private static final long SECOND = 1_000_000_000L;

  private static OpEvent op(OpType type, long timeNanos) {
    return new OpEvent(-1, timeNanos, type, 5, "get", "k", null, null, -1, null, null, null,
        null, null, null);
  }

  private static List<String> rows(HistoryWindows windows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    windows.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    return lines.subList(2, lines.size()).stream().map(String::strip)
        .map(l -> l.replaceAll(" +", " ")).toList();
  }

  @Test
  void countsCompletedOperationsAndBytesPerWindowFromTheFirstEvent() {
    HistoryWindows windows = new HistoryWindows(2);
    long t0 = 7 * SECOND; // windows start at the first event, not at time 0
    windows.add(op(OpType.INVOKE, t0), 50);
    windows.add(op(OpType.OK, t0 + SECOND), 100);
    windows.add(op(OpType.INVOKE, t0 + SECOND), 50);
    windows.add(op(OpType.INFO, t0 + 2 * SECOND), 90); // second window
    windows.add(op(OpType.FAIL, t0 + 7 * SECOND), 60); // fourth: the third is empty
    windows.add(new SnapshotEvent(-1, t0 + 7 * SECOND, 0, "R", "periodic", true, List.of(),
        List.of(), java.util.Map.of()), 40);
    assertEquals(List.of("0 1 0.5 3 200 0 200", "2 1 0.5 1 90 0 90", "4 0 0.0 0 0 0 -",
        "6 1 0.5 2 100 40 100"), rows(windows));
  }

  @Test
  void aWindowIsAtLeastOneSecond() {
    assertThrows(IllegalArgumentException.class, () -> new HistoryWindows(0));
  }

  @Test
  void theBytesOfARecordedHistoryAddUpToItsDocuments(@TempDir Path dir) {
    try (ChronicleHistory history = ChronicleHistory.create(dir, System::nanoTime)) {
      for (int i = 0; i < 100; i++) {
        history.record(OpEvent.invoke(5, "put", "k" + i, "v".repeat(i)));
      }
    }
    List<Long> sizes = new java.util.ArrayList<>();
    HistoryReader.forEachSized(dir, (event, bytes) -> sizes.add(bytes));
    assertEquals(100, sizes.size());
    // the values are 0 to 99 bytes long: each event takes at least its value and its header
    for (int i = 0; i < 100; i++) {
      assertEquals(true, sizes.get(i) >= i + HistoryReader.DOCUMENT_HEADER_BYTES, i + ": " + sizes);
    }
    assertEquals(true, sizes.get(99) - sizes.get(10) >= 89, sizes.toString());
  }
}

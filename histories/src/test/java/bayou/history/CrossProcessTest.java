package bayou.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Histories shared with, and written by, other JVMs. */
class CrossProcessTest {
  @TempDir Path tmp;
  private Path home;
  private Path run;

  @BeforeEach
  void dirs() throws IOException {
    home = Files.createDirectories(tmp.resolve("home"));
    run = tmp.resolve("run");
  }

  @Test
  void aReaderSeesEventsWhileAnotherProcessWrites() throws Exception {
    try (ChildJvm writer = ChildJvm.start(home, "steps", run.toString())) {
      writer.send("write 100");
      assertEquals("wrote 100", writer.expectLine());
      assertWritten(100);
      writer.send("write 250");
      assertEquals("wrote 350", writer.expectLine());
      assertWritten(350);
      writer.send("close");
      assertEquals("closed", writer.expectLine());
      assertEquals(0, writer.waitFor(), writer.stderr());
      assertEquals("", writer.stderr());
    }
    assertWritten(350);
  }

  @Test
  void anotherProcessReadsWhileThisOneWrites() throws Exception {
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      for (int i = 0; i < 120; i++) {
        TestEvents.record(history, TestEvents.event(i));
      }
      try (ChildJvm reader = ChildJvm.start(home, "read", run.toString())) {
        assertEquals("read 120", reader.expectLine());
        assertEquals(0, reader.waitFor(), reader.stderr());
        assertEquals("", reader.stderr());
      }
    }
  }

  @Test
  void sigkillLosesNoAcknowledgedEvent() throws Exception {
    int mustSee = 3_000;
    long acknowledged = -1;
    try (ChildJvm writer = ChildJvm.start(home, "flood", run.toString())) {
      while (acknowledged + 1 < mustSee) {
        acknowledged = Long.parseLong(writer.expectLine());
      }
      writer.kill();
      // Lines already in the pipe were printed after their record returned: acknowledged too.
      Optional<String> line;
      while ((line = writer.nextLine()).isPresent()) {
        if (!line.get().isEmpty()) {
          acknowledged = Math.max(acknowledged, parseOrMinusOne(line.get()));
        }
      }
      assertEquals("", writer.stderr());
    }
    List<HistoryEvent> read = HistoryReader.readAll(run);
    assertTrue(read.size() > acknowledged,
        "acknowledged up to " + acknowledged + " but only " + read.size() + " readable");
    for (int i = 0; i < read.size(); i++) {
      HistoryEvent e = read.get(i);
      assertEquals(TestEvents.expected(i, e.timeNanos()), e, "event " + i + " intact");
    }
  }

  @Test
  void aChildWithOnlyTheModuleFlagsIsQuietAndLeavesHomeAndWorkDirAlone() throws Exception {
    // Without the -D flags: the module must set what keeps Chronicle quiet and out of ~ itself.
    List<String> moduleFlags = ChronicleFlags.jvmFlags().stream()
        .filter(f -> f.startsWith("--"))
        .collect(Collectors.toList());
    try (ChildJvm writer = ChildJvm.start(home, moduleFlags, "steps", run.toString())) {
      writer.send("write 10");
      assertEquals("wrote 10", writer.expectLine());
      writer.send("close");
      assertEquals("closed", writer.expectLine());
      assertEquals(0, writer.waitFor(), writer.stderr());
      assertEquals("", writer.stderr(), "nothing on stderr");
    }
    try (ChildJvm reader = ChildJvm.start(home, moduleFlags, "read", run.toString())) {
      assertEquals("read 10", reader.expectLine());
      assertEquals(0, reader.waitFor(), reader.stderr());
      assertEquals("", reader.stderr(), "nothing on stderr");
    }
    assertEmpty(home);
    assertEmpty(home.resolveSibling("work"));
  }

  private static void assertEmpty(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      assertEquals(List.of(dir), files.collect(Collectors.toList()), "nothing left in " + dir);
    }
  }

  @Test
  void withoutTheFlagsTheErrorSaysWhichFlagsAreNeeded() throws Exception {
    try (ChildJvm writer = ChildJvm.start(home, List.of(), "steps", run.toString())) {
      writer.send("write 1");
      assertEquals(Optional.empty(), writer.nextLine());
      assertEquals(1, writer.waitFor());
      assertTrue(writer.stderr().contains("Chronicle Queue needs these JVM flags: --add-exports"),
          writer.stderr());
    }
  }

  private void assertWritten(int n) {
    List<HistoryEvent> read = HistoryReader.readAll(run);
    assertEquals(n, read.size());
    for (int i = 0; i < n; i++) {
      assertEquals(TestEvents.expected(i, read.get(i).timeNanos()), read.get(i));
    }
  }

  /** The last line may be cut short by the kill. */
  private static long parseOrMinusOne(String line) {
    try {
      return Long.parseLong(line);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

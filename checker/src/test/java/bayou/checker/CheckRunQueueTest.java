package bayou.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.history.ChronicleHistory;
import bayou.history.HistoryEvent;
import bayou.history.NemesisEvent;
import bayou.history.OpEvent;
import bayou.history.SnapshotEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bayou check DIR} end to end: a history recorded in a Chronicle Queue, read back. */
class CheckRunQueueTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private static void record(Path runDir, List<HistoryEvent> events) {
    try (ChronicleHistory sink = ChronicleHistory.create(runDir)) {
      for (HistoryEvent event : events) {
        if (event instanceof OpEvent) {
          sink.record((OpEvent) event);
        } else if (event instanceof SnapshotEvent) {
          sink.record((SnapshotEvent) event);
        } else {
          sink.record((NemesisEvent) event);
        }
      }
    }
  }

  @Test
  void aRecordedValidRunChecksValid() throws Exception {
    record(dir, SyntheticHistory.generate(2000, 3, 5, 10, 40));
    assertEquals(0, CheckRun.run(dir, out, out), bytes.toString(StandardCharsets.UTF_8));
    JsonNode json = new ObjectMapper().readTree(dir.resolve(CheckRun.RESULTS_FILE).toFile());
    assertEquals(true, json.get("valid").asBoolean(false));
    assertEquals(Checkers.all().size(), json.get("checkers").size());
  }

  @Test
  void aRecordedRunWithAPhantomReadChecksInvalid() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", Fixture.id(10, "R"), Fixture.vv("R", 10));
    h.get(2, "k", "zzz", "R", null, Fixture.vv("R", 10));
    h.nemesis("stabilizeEnd");
    h.snapshot("R", "final", true, List.of(Fixture.c(1, 10, "R", "k", "a")), List.of(),
        Fixture.vv("R", 10));
    record(dir, h.events());
    assertEquals(1, CheckRun.run(dir, out, out));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("convergence / phantom-read [3]"), printed);
  }
}

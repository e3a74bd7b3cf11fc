package bayou.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A get's commit count (the exact-read checker's input) survives the queue and the JSON export
 * and import; an event without one, as in histories recorded before it, reads back as null.
 */
class CommitsFieldTest {
  @TempDir
  Path tmp;

  private static OpEvent get(Long commits) {
    return new OpEvent(-1, -1, OpType.OK, 8, "get", "k", "v", null, 0, "R", Map.of("R", 3L),
        null, new WriteId(3, "R"), Map.of("R", 3L), Map.of(), commits);
  }

  @Test
  void theCommitCountRoundTripsThroughTheQueueAndJson() throws Exception {
    Path run = tmp.resolve("run");
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      history.record(get(17L));
      history.record(get(null));
    }
    List<HistoryEvent> read = HistoryReader.readAll(run);
    assertEquals(17L, ((OpEvent) read.get(0)).commits());
    assertNull(((OpEvent) read.get(1)).commits());
    String lines = throughJson(run, read);
    assertTrue(lines.contains("\"commits\":17"), lines);
  }

  /** Exports the run as JSON lines, imports them again, and checks nothing changed. */
  private String throughJson(Path run, List<HistoryEvent> read) throws Exception {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    HistoryJson.export(run, json);
    String lines = json.toString(StandardCharsets.UTF_8);
    Path jsonl = tmp.resolve("run.jsonl");
    Files.writeString(jsonl, lines);
    Path imported = tmp.resolve("imported");
    HistoryJson.importJsonl(jsonl, imported);
    assertEquals(read, HistoryReader.readAll(imported));
    return lines;
  }

  /** A session's commit floor survives the queue and the JSON export and import likewise. */
  @Test
  void theCommitFloorRoundTripsThroughTheQueueAndJson() throws Exception {
    Path run = tmp.resolve("run");
    OpEvent withFloor = new OpEvent(-1, -1, OpType.OK, 8, "get", "k", "v", null, 0, "R",
        Map.of("R", 3L), null, new WriteId(3, "R"), Map.of("R", 3L), Map.of(), 17L, 12L);
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      history.record(withFloor);
      history.record(get(17L));
    }
    List<HistoryEvent> read = HistoryReader.readAll(run);
    assertEquals(12L, ((OpEvent) read.get(0)).floor());
    assertNull(((OpEvent) read.get(1)).floor());
    String lines = throughJson(run, read);
    assertTrue(lines.contains("\"floor\":12"), lines);
  }

  @Test
  void historyTxtShowsTheCommitCountOfAGet() {
    Path run = tmp.resolve("run");
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      history.record(get(17L));
      history.record(get(null));
    }
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    try (java.io.PrintStream out = new java.io.PrintStream(shown, true, StandardCharsets.UTF_8)) {
      HistoryText.show(run, out);
    }
    List<String> lines = shown.toString(StandardCharsets.UTF_8).lines()
        .skip(HistoryText.HEADER_LINES).toList();
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).endsWith("ok     get    k           v                       s0 R"
        + "  commits=17"), lines.get(0));
    assertTrue(lines.get(1).endsWith("s0 R"), lines.get(1));
  }
}

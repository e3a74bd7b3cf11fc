package bayou.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryJsonTest {
  /** One event of each shape, as export writes them: field order, omissions, sorted maps. */
  static final String SAMPLE = String.join("\n",
      "{\"index\":0,\"time\":1000,\"type\":\"invoke\",\"process\":3,\"f\":\"put\","
          + "\"key\":\"song\",\"value\":\"http://a/1\"}",
      "{\"index\":1,\"time\":2500000,\"type\":\"ok\",\"process\":3,\"f\":\"put\","
          + "\"key\":\"song\",\"value\":\"http://a/1\",\"server\":2,\"server-name\":\"<5,0>\","
          + "\"vv\":{\"0\":4,\"<5,0>\":7},\"write-id\":{\"stamp\":7,\"acceptor\":\"<5,0>\"},"
          + "\"read-set\":{},\"write-set\":{\"<5,0>\":7}}",
      "{\"index\":2,\"time\":3000000,\"type\":\"invoke\",\"process\":4,\"f\":\"get\","
          + "\"key\":\"song\"}",
      "{\"index\":3,\"time\":3100000,\"type\":\"fail\",\"process\":4,\"f\":\"get\","
          + "\"key\":\"song\",\"error\":\"ERR_DEP\",\"server\":0,\"server-name\":\"0\","
          + "\"read-from\":{\"stamp\":7,\"acceptor\":\"<5,0>\"}}",
      "{\"index\":4,\"time\":4000000,\"type\":\"info\",\"process\":\"nemesis\","
          + "\"f\":\"break\",\"a\":0,\"b\":2}",
      "{\"index\":5,\"time\":4500000,\"type\":\"info\",\"process\":\"nemesis\","
          + "\"f\":\"joinServer\",\"a\":5,\"name\":\"<9,0>\",\"detail\":\"via 0\"}",
      "{\"index\":6,\"time\":5000000,\"type\":\"snapshot\",\"server\":0,\"server-name\":\"0\","
          + "\"reason\":\"final\",\"primary\":true,\"committed\":[{\"id\":{\"stamp\":7,"
          + "\"acceptor\":\"<5,0>\"},\"csn\":1,\"op\":\"PUT\",\"key\":\"song\","
          + "\"value\":\"http://a/1\"}],\"tentative\":[{\"id\":{\"stamp\":9,"
          + "\"acceptor\":\"0\"},\"csn\":-1,\"op\":\"RETIRE\",\"key\":\"<9,0>\"}],"
          + "\"vv\":{\"0\":4,\"<5,0>\":7}}") + "\n";

  @TempDir Path tmp;

  @Test
  void exportImportExportIsByteIdentical() throws Exception {
    Path run = tmp.resolve("run");
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      for (HistoryEvent e : TestEvents.edgeCases()) {
        TestEvents.record(history, e);
      }
      for (int i = 0; i < 500; i++) {
        TestEvents.record(history, TestEvents.event(i));
      }
    }
    byte[] first = export(run);
    Path jsonl = Files.write(tmp.resolve("h.jsonl"), first);
    Path imported = tmp.resolve("imported");
    assertEquals(TestEvents.edgeCases().size() + 500, HistoryJson.importJsonl(jsonl, imported));
    assertEquals(HistoryReader.readAll(run), HistoryReader.readAll(imported),
        "import keeps every event, index and time");
    assertArrayEquals(first, export(imported));
  }

  @Test
  void exportUsesJepsenNamesOneObjectPerLine() throws Exception {
    Path run = importSample();
    assertEquals(SAMPLE, new String(export(run), StandardCharsets.UTF_8));
  }

  @Test
  void importReadsEveryKind() throws Exception {
    List<HistoryEvent> events = HistoryReader.readAll(importSample());
    assertEquals(7, events.size());
    OpEvent ok = (OpEvent) events.get(1);
    assertEquals(OpType.OK, ok.type());
    assertEquals(2_500_000, ok.timeNanos());
    assertEquals(new WriteId(7, "<5,0>"), ok.writeId());
    assertEquals(null, ok.readFrom());
    assertEquals(7L, ok.vv().get("<5,0>"));
    NemesisEvent join = (NemesisEvent) events.get(5);
    assertEquals(-1, join.b());
    assertEquals("<9,0>", join.name());
    SnapshotEvent snap = (SnapshotEvent) events.get(6);
    assertTrue(snap.primary());
    assertEquals(-1, snap.tentative().get(0).csn());
    assertEquals(null, snap.tentative().get(0).value());
  }

  @Test
  void importFillsAMissingIndexAndIgnoresUnknownFieldsAndBlankLines() throws Exception {
    Path jsonl = Files.writeString(tmp.resolve("other.jsonl"),
        "{\"time\":5,\"type\":\"invoke\",\"process\":1,\"f\":\"get\",\"key\":12,\"extra\":[1]}\n"
            + "\n"
            + "{\"time\":6,\"type\":\"ok\",\"process\":1,\"f\":\"get\",\"key\":\"12\"}\n");
    Path run = tmp.resolve("run");
    assertEquals(2, HistoryJson.importJsonl(jsonl, run));
    List<HistoryEvent> events = HistoryReader.readAll(run);
    assertEquals(List.of(0L, 1L), events.stream().map(HistoryEvent::index).toList());
    assertEquals("12", ((OpEvent) events.get(0)).key());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"index\":1,\"time\":",
      "not json",
      "[1,2]",
      "{\"index\":1,\"type\":\"invoke\",\"process\":1,\"f\":\"get\"}",
      "{\"index\":1,\"time\":5,\"process\":1,\"f\":\"get\"}",
      "{\"index\":1,\"time\":5,\"type\":\"done\",\"process\":1,\"f\":\"get\"}",
      "{\"index\":1,\"time\":5,\"type\":\"ok\",\"process\":\"p1\",\"f\":\"get\"}",
      "{\"index\":1,\"time\":\"5\",\"type\":\"ok\",\"process\":1,\"f\":\"get\"}",
      "{\"index\":1,\"time\":5,\"type\":\"ok\",\"process\":1,\"f\":\"get\",\"vv\":{\"a\":\"x\"}}",
      "{\"index\":1,\"time\":5,\"type\":\"ok\",\"process\":1,\"f\":\"get\",\"write-id\":{}}",
      "{\"index\":1,\"time\":5,\"type\":\"ok\",\"process\":1,\"f\":\"get\",\"f\":\"put\"}",
      "{\"index\":1,\"time\":5,\"type\":\"ok\",\"process\":1,\"f\":\"get\"} {}",
      "{\"index\":1,\"time\":5,\"type\":\"snapshot\",\"committed\":[{\"csn\":1}]}",
      "{\"index\":1,\"time\":5,\"type\":\"ok\",\"process\":99999999999,\"f\":\"get\"}"})
  void aMalformedLineFailsNamingItsLineAndLeavesNoHistory(String badLine) throws Exception {
    String good = "{\"index\":0,\"time\":1,\"type\":\"invoke\",\"process\":1,\"f\":\"get\"}";
    Path jsonl = Files.writeString(tmp.resolve("bad.jsonl"), good + "\n" + badLine + "\n" + good);
    Path run = tmp.resolve("run");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HistoryJson.importJsonl(jsonl, run));
    assertTrue(e.getMessage().startsWith(jsonl + ":2: "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertFalse(Files.exists(run), "no directory left behind");
  }

  @Test
  void aFailedImportIntoAnExistingDirectoryLeavesItAsItWas() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(run.resolve("notes.txt"), "keep me");
    Path jsonl = Files.writeString(tmp.resolve("bad.jsonl"), "{oops\n");
    assertThrows(IllegalArgumentException.class, () -> HistoryJson.importJsonl(jsonl, run));
    try (var files = Files.list(run)) {
      assertEquals(List.of(run.resolve("notes.txt")), files.toList());
    }
    assertThrows(IllegalArgumentException.class, () -> HistoryReader.readAll(run));
  }

  @Test
  void importRefusesADirectoryThatHoldsAHistory() throws Exception {
    Path run = importSample();
    Path jsonl = Files.writeString(tmp.resolve("again.jsonl"), SAMPLE);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HistoryJson.importJsonl(jsonl, run));
    assertTrue(e.getMessage().contains("already holds a history"), e.getMessage());
    assertEquals(7, HistoryReader.readAll(run).size());
  }

  @Test
  void importOfAMissingFileNamesIt() {
    Path missing = tmp.resolve("missing.jsonl");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HistoryJson.importJsonl(missing, tmp.resolve("run")));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  private Path importSample() throws Exception {
    Path jsonl = Files.writeString(tmp.resolve("sample.jsonl"), SAMPLE);
    Path run = tmp.resolve("sample-run");
    assertEquals(7, HistoryJson.importJsonl(jsonl, run));
    return run;
  }

  static byte[] export(Path run) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HistoryJson.export(run, out);
    return out.toByteArray();
  }
}

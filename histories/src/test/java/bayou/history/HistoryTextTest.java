package bayou.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTextTest {
  static final List<String> SAMPLE_LINES = List.of(
      "       0        0.001  3        invoke put    song        http://a/1",
      "       1        2.500  3        ok     put    song        http://a/1              s2 <5,0>",
      "       2        3.000  4        invoke get    song        -",
      "       3        3.100  4        fail   get    song        ERR_DEP                 s0 0",
      "       4        4.000  nemesis  info   break 0 2 -",
      "       5        4.500  nemesis  info   joinServer 5 - <9,0>  via 0",
      "       6        5.000  snapshot s0 0  reason=final primary committed=1 tentative=1"
          + " vv={0=4, <5,0>=7}");

  @TempDir Path tmp;
  private Path run;

  @BeforeEach
  void sample() throws Exception {
    Path jsonl = Files.writeString(tmp.resolve("sample.jsonl"), HistoryJsonTest.SAMPLE);
    run = tmp.resolve("run");
    HistoryJson.importJsonl(jsonl, run);
  }

  @Test
  void showPrintsOneLinePerEvent() {
    List<String> shown = lines(print(out -> HistoryText.show(run, out)));
    assertEquals(SAMPLE_LINES, shown.subList(HistoryText.HEADER_LINES, shown.size()));
    assertTrue(shown.get(0).startsWith("#  index      time-ms  process  type   f      key"),
        shown.get(0));
    assertTrue(shown.get(1).contains("time-ms: milliseconds"), shown.get(1));
  }

  @Test
  void writeHistoryTxtWritesTheSameIntoAFile() throws Exception {
    Path file = tmp.resolve("history.txt");
    HistoryText.writeHistoryTxt(run, file);
    List<String> written = Files.readAllLines(file);
    assertEquals(SAMPLE_LINES, written.subList(HistoryText.HEADER_LINES, written.size()));
  }

  @Test
  void statsCountsByTypeAndF() {
    List<String> stats = lines(print(out -> HistoryText.stats(run, out)));
    assertEquals(List.of(
        "events      7",
        "duration    4.999 ms",
        "by type     invoke=2 ok=1 fail=1 info=0 nemesis=2 snapshot=1",
        "operations  2 invoked, 2 completed, 0 pending",
        "  f get: invoke=1 ok=0 fail=1 info=0",
        "  f put: invoke=1 ok=1 fail=0 info=0",
        "errors      ERR_DEP=1",
        HistoryStats.ERRORS_LEGEND,
        "clients     2 [3, 4]",
        "servers     2 s0(0) s2(<5,0>)",
        "snapshots   1 final=1",
        "nemesis     2 break=1 joinServer=1"), stats);
  }

  @Test
  void timesPrintAsMillisecondsWithThreeDecimals() {
    assertEquals("0.000", TextLines.millis(0));
    assertEquals("0.001", TextLines.millis(1_999));
    assertEquals("1234.567", TextLines.millis(1_234_567_890L));
    assertEquals("-2.500", TextLines.millis(-2_500_000L));
  }

  @Test
  void everyEdgeCaseHasALine() {
    Path edge = tmp.resolve("edge");
    try (ChronicleHistory history = ChronicleHistory.create(edge)) {
      for (HistoryEvent e : TestEvents.edgeCases()) {
        TestEvents.record(history, e);
      }
    }
    List<String> all = lines(print(out -> HistoryText.show(edge, out)));
    List<String> shown = all.subList(HistoryText.HEADER_LINES, all.size());
    assertEquals(TestEvents.edgeCases().size(), shown.size(), "one line each, even with \\n");
    assertTrue(shown.get(8).endsWith("joinServer 3 - <9,0>  joined\\nafter 2 tries"),
        shown.get(8));
    assertTrue(shown.get(11).contains("snapshot - "), shown.get(11));
    assertEquals("events      12", lines(print(out -> HistoryText.stats(edge, out))).get(0));
  }

  @Test
  void aDirectoryWithoutHistoryIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HistoryText.show(tmp, new PrintStream(new ByteArrayOutputStream())));
    assertTrue(e.getMessage().startsWith("no history in "), e.getMessage());
  }

  private static String print(java.util.function.Consumer<PrintStream> body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    body.accept(out);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static List<String> lines(String text) {
    return text.lines().toList();
  }
}

package bayou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class LiveLineTest {
  private static final long SECOND_NANOS = 1_000_000_000L;

  @Test
  void theLineSaysWhatHowFarAndWhenItWillEnd() {
    assertEquals("suite: x  5/20  elapsed 10 s  ETA 30 s",
        LiveLine.text("suite: x", 5, 20, 10 * SECOND_NANOS));
    assertEquals("suite: x  0/20  elapsed 1 s", LiveLine.text("suite: x", 0, 20, SECOND_NANOS));
    assertEquals("checking run  elapsed 3 s", LiveLine.text("checking run", 0, 0,
        3 * SECOND_NANOS));
  }

  @Test
  void withoutATerminalNothingIsDrawnAndResultsStillPrint() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LiveLine line = new LiveLine(new PrintStream(err), "suite", 3, false)) {
      line.running("suite: a", 1);
      line.print(() -> new PrintStream(out, true).print("PASS a"));
    }
    assertEquals("", err.toString());
    assertEquals("PASS a", out.toString());
  }

  @Test
  void onATerminalTheLineIsClearedBeforeAResultPrints() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (LiveLine line = new LiveLine(new PrintStream(err, true), "suite", 3, true)) {
      line.print(() -> { });
    }
    String drawn = err.toString();
    assertEquals(true, drawn.endsWith("\r\u001b[K"), drawn);
  }
}

package bayou.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every fuzz target with a small count, as {@code mvn verify} runs them (bin/bayou fuzz runs
 * them long). Each fails with the target's findings and the command that repeats it.
 */
class FuzzersTest {
  static final long SEED = 20_261_201L;
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private static void clean(Fuzzer fuzzer, int cases) throws Exception {
    FuzzReport report = fuzzer.run(SEED, cases, QUIET);
    assertEquals(cases, report.cases());
    assertTrue(report.clean(), () -> report.summary() + "\n" + String.join("\n",
        report.examples()) + "\nrepeat: " + report.repeat());
  }

  @Test
  void masterInput() throws Exception {
    clean(new MasterInputFuzzer(), MasterInputFuzzer.LINES_PER_RUN);
  }

  @Test
  void wire() throws Exception {
    clean(new WireFuzzer(), WireFuzzer.FRAMES_PER_RUN);
  }

  @Test
  void simulatedMessages() throws Exception {
    clean(new SimMessageFuzzer(), 2 * SimMessageFuzzer.MESSAGES_PER_RUN);
  }

  @Test
  void historyFiles() throws Exception {
    clean(new HistoryFileFuzzer(), 6);
  }

  @Test
  void everyTargetHasAName() {
    assertEquals(Set.of("master", "wire", "sim", "history"), Fuzzer.all().keySet());
  }
}

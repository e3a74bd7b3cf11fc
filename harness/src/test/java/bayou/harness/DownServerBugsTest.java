package bayou.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.checker.Validity;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The defects only process faults reveal, on real processes: a server killed with SIGKILL and
 * restarted from its disk, a clock set a minute behind. Each is caught by the checker that
 * owns the property; the same script without the defect checks valid on every checker.
 */
class DownServerBugsTest {
  private static final Map<String, String> SCRIPTS = Map.of(
      // writes answered within a second of each other: the defect has not saved them yet
      "ack", """
          joinServer 0
          joinServer 1
          joinClient 2 1
          put 2 a v1
          put 2 b v2
          put 2 c v3
          put 2 d v4
          killServer 1
          restartServer 1
          """,
      // server 1 holds a tentative while the primary commits another write in its place
      "recover", """
          joinServer 0
          joinServer 1
          breakConnection 0 1
          joinClient 2 1
          joinClient 3 0
          put 3 b v2
          put 2 a v1
          killServer 1
          restartServer 1
          printLog 1
          """,
      // server 1's clock a minute behind: it sees v1, then accepts v2
      "clock", """
          joinServer 0
          joinServer 1
          skewClock 1 -60000 50
          joinClient 2 0
          joinClient 3 1
          put 2 a v1
          stabilize
          put 3 a v2
          """);

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} is caught by {1}")
  @CsvSource({"ack-before-persist, durability, ack",
      "recover-tentative-as-committed, durability, recover",
      "wall-clock-stamps, stamp-order, clock"})
  void theOwningCheckerCatchesTheBugAndTheCleanRunIsValid(String bug, String checker,
      String script) throws Exception {
    BugDetectionTest.startPool();
    Map<String, Validity> withBug = BugDetectionTest.verdicts(SCRIPTS.get(script), bug,
        dir.resolve("bug"));
    assertEquals(Validity.INVALID, withBug.get(checker), "with --bug " + bug + ": " + withBug);
    Map<String, Validity> clean = BugDetectionTest.verdicts(SCRIPTS.get(script), "",
        dir.resolve("clean"));
    assertEquals(Map.of(), clean.entrySet().stream()
        .filter(e -> e.getValue() != Validity.VALID)
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
        "without the bug");
  }
}

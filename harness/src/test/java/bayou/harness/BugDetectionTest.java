package bayou.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.checker.CheckResult;
import bayou.checker.Checkers;
import bayou.checker.History;
import bayou.checker.Validity;
import bayou.cluster.NodePool;
import bayou.cluster.ProcessCluster;
import bayou.cluster.RecordingCluster;
import bayou.history.ChronicleHistory;
import bayou.history.HistoryReader;
import bayou.master.Master;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proof that the checkers can fail: each injected defect, run on a short course script with the
 * history recorded, is reported invalid by the checker that owns the property; the same script
 * without the defect checks valid.
 */
class BugDetectionTest {
  private static final Map<String, String> SCRIPTS = Map.of(
      "ryw", """
          joinServer 0
          joinServer 1
          breakConnection 0 1
          joinClient 2 0
          put 2 a v1
          restoreConnection 2 1
          get 2 a
          """,
      "mr", """
          joinServer 0
          joinServer 1
          breakConnection 0 1
          joinClient 2 0
          joinClient 3 0
          put 3 a v1
          get 2 a
          restoreConnection 2 1
          get 2 a
          """,
      "mw", """
          joinServer 0
          joinServer 1
          breakConnection 0 1
          joinClient 2 0
          put 2 a v1
          restoreConnection 2 1
          put 2 b v2
          """,
      "wfr", """
          joinServer 0
          joinServer 1
          breakConnection 0 1
          joinClient 2 0
          joinClient 3 0
          put 3 a v1
          get 2 a
          restoreConnection 2 1
          put 2 b v2
          """,
      "retire", """
          joinServer 0
          joinServer 1
          joinServer 2
          joinClient 3 2
          put 3 a v1
          stabilize
          retireServer 2
          stabilize
          """,
      "commit", """
          joinServer 0
          joinServer 1
          breakConnection 0 1
          joinClient 2 0
          joinClient 3 1
          put 2 a v1
          put 3 a v2
          printLog 0
          printLog 1
          """,
      "order", """
          joinServer 0
          joinServer 1
          joinServer 2
          joinServer 3
          breakConnection 0 1
          breakConnection 0 2
          breakConnection 0 3
          breakConnection 1 2
          breakConnection 1 3
          joinClient 4 1
          joinClient 5 3
          put 4 a v1
          put 5 b v2
          stabilize
          restoreConnection 1 2
          printLog 2
          """,
      "lose", """
          joinServer 0
          joinServer 1
          joinClient 2 1
          put 2 a v1
          """);

  private static NodePool pool;

  @TempDir
  Path dir;

  @BeforeAll
  static void startPool() {
    pool = SharedPool.get();
  }

  @ParameterizedTest(name = "{0} is caught by {1}")
  @CsvSource({"skip-ryw, session, ryw", "skip-mr, session, mr", "skip-mw, session, mw",
      "skip-wfr, session, wfr", "forget-retired, retirement, retire",
      "non-primary-commit, stable-prefix, commit", "skip-rollback, tentative-order, order",
      "lose-write, convergence, lose"})
  void theOwningCheckerCatchesTheBugAndTheCleanRunIsValid(String bug, String checker,
      String script) throws Exception {
    Map<String, Validity> withBug = verdicts(SCRIPTS.get(script), bug, dir.resolve("bug"));
    assertEquals(Validity.INVALID, withBug.get(checker), "with --bug " + bug + ": " + withBug);
    Map<String, Validity> clean = verdicts(SCRIPTS.get(script), "", dir.resolve("clean"));
    assertEquals(Validity.VALID,
        clean.values().stream().reduce(Validity.VALID, BugDetectionTest::worse),
        "without the bug: " + clean);
  }

  private static Validity worse(Validity a, Validity b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  static Map<String, Validity> verdicts(String script, String bug, Path runDir) throws Exception {
    try (ChronicleHistory sink = ChronicleHistory.create(runDir);
        ProcessCluster cluster = new ProcessCluster(pool, bug)) {
      RecordingCluster recording = new RecordingCluster(cluster, sink);
      PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
      new Master(recording, quiet, quiet).run(new BufferedReader(new StringReader(script)));
      try {
        recording.finish(true);
      } catch (RuntimeException e) {
        // a stabilize that gives up under a bug is part of what the checkers judge
      }
    }
    History.Builder history = History.builder();
    HistoryReader.forEach(runDir, history::add);
    return Checkers.checkAll(history.build()).stream()
        .collect(Collectors.toMap(CheckResult::checker, CheckResult::validity));
  }
}

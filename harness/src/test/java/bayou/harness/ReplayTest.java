package bayou.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.checker.CheckResult;
import bayou.checker.Validity;
import bayou.gen.Script;
import bayou.sim.NetworkOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {
  @TempDir
  Path scratch;

  @Test
  void needsOneProcessPerServerAndPerClientNotPerMove() {
    assertEquals(4, Replay.processesNeeded(Script.parse(List.of("joinServer 0", "joinServer 1",
        "joinClient 5 0", "joinClient 6 1", "joinClient 5 1", "put 5 a b", "retireServer 0"))));
  }

  /** A replay whose every step failed is no passing prefix: it says so, and the search stops. */
  @Test
  void aReplayWhoseStepsFailedIsNotAPassingOne() throws Exception {
    Replay replay = Replay.simulated(1, NetworkOptions.reliable(), "", scratch);
    var steps = Script.parse(List.of("joinClient 5 0", "put 5 a b", "printLog 0"));
    List<CheckResult> results = replay.check(steps);
    assertTrue(Replay.stepsFailed(results), results::toString);
    CheckResult last = results.get(results.size() - 1);
    assertEquals(Validity.UNKNOWN, last.validity());
    assertTrue(last.violations().get(0).explanation().startsWith("3 of 3 steps failed"),
        last.violations().get(0).explanation());
    ShrinkSearch search = new ShrinkSearch(replay, Set.of("convergence"),
        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    assertEquals(ShrinkSearch.Verdict.BROKEN, search.verdict(steps));
    assertEquals(null, search.shrink(steps, 0, java.time.Duration.ofSeconds(5)));
    assertTrue(Files.isDirectory(scratch));
  }
}

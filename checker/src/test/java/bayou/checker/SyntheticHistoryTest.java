package bayou.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.history.HistoryEvent;
import bayou.history.LogEntry;
import bayou.history.SnapshotEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The simulated system is correct, so every checker must find its histories valid. */
class SyntheticHistoryTest {
  private static final int OPS = 4000;

  private static List<HistoryEvent> generate(long seed) {
    return SyntheticHistory.generate(OPS, seed, 10, 50, 60);
  }

  @Test
  void simulatedHistoriesAreValidForEveryChecker() {
    for (long seed = 1; seed <= 5; seed++) {
      List<CheckResult> results = Checkers.checkAll(History.of(generate(seed)));
      long currentSeed = seed;
      assertEquals(Validity.VALID, CheckResult.merge(results),
          () -> "seed " + currentSeed + "\n" + CheckRun.summary(results));
      Map<String, CheckResult> byName = results.stream()
          .collect(Collectors.toMap(CheckResult::checker, r -> r));
      assertTrue(byName.get("tentative-order").counts().get("tentative-entries") > 0);
      assertTrue(byName.get("session").counts().get("err-deps-checked") > 0);
      assertEquals((long) SyntheticHistory.FINAL_READS,
          byName.get("convergence").counts().get("final-reads"));
    }
  }

  @Test
  void losingOneWriteFromOneFinalLogIsCaught() {
    List<HistoryEvent> events = new ArrayList<>(generate(7));
    int last = events.size() - 2;
    SnapshotEvent finalLog = (SnapshotEvent) events.get(last);
    List<LogEntry> committed = new ArrayList<>(finalLog.committed());
    committed.remove(committed.size() / 2);
    events.set(last, new SnapshotEvent(finalLog.index(), finalLog.timeNanos(), finalLog.server(),
        finalLog.serverName(), finalLog.reason(), finalLog.primary(), committed, List.of(),
        finalLog.vv()));
    List<CheckResult> results = Checkers.checkAll(History.of(events));
    Map<String, Validity> verdicts = results.stream()
        .collect(Collectors.toMap(CheckResult::checker, CheckResult::validity));
    assertEquals(Validity.INVALID, verdicts.get("convergence"), CheckRun.summary(results));
    assertEquals(Validity.INVALID, verdicts.get("stable-prefix"), CheckRun.summary(results));
    assertEquals(Validity.VALID, verdicts.get("black-box"), CheckRun.summary(results));
  }
}

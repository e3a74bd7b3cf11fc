package bayou.checker;

import static bayou.checker.Fixture.c;
import static bayou.checker.Fixture.id;
import static bayou.checker.Fixture.t;
import static bayou.checker.Fixture.vv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.history.LogEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Server 0 is R, the primary; server 1 is S. S acknowledges a write, is killed and restarted;
 * its recovered log is what the checker judges.
 */
class DurabilityCheckerTest {
  private static final String S = "<5,R>";
  private static final LogEntry CREATE_S = Fixture.entry(1, 5, "R", "CREATE", S);
  private final Checker checker = new DurabilityChecker();

  private static Fixture killedAfterAWrite() {
    Fixture f = new Fixture();
    f.nemesis("joinServer", 0, -1, "R");
    f.nemesis("joinServer", 1, -1, S);
    f.put(2, "a", "v1", S, id(10, S), vv("R", 5, S, 10));
    f.snapshotOf(1, S, "printLog", false, List.of(CREATE_S), List.of(t(10, S, "a", "v1")),
        vv("R", 5, S, 10));
    f.nemesis("killServer", 1, -1, null);
    f.nemesis("restartServer", 1, -1, S);
    return f;
  }

  @Test
  void aRecoveredLogWithEveryAcknowledgedWriteIsValid() {
    Fixture f = killedAfterAWrite();
    f.snapshotOf(1, S, DurabilityChecker.RECOVERED, false, List.of(CREATE_S),
        List.of(t(10, S, "a", "v1")), vv("R", 5, S, 10));
    CheckResult result = checker.check(f.history());
    Expect.valid(result);
    assertEquals(1L, result.counts().get("kills"));
    assertEquals(1L, result.counts().get("acknowledged-writes-checked"));
  }

  @Test
  void anAcknowledgedWriteMissingAfterTheRestartIsLost() {
    Fixture f = killedAfterAWrite();
    long recovered = f.snapshotOf(1, S, DurabilityChecker.RECOVERED, false, List.of(CREATE_S),
        List.of(), vv("R", 5, S, 5));
    Expect.invalid(checker.check(f.history()), "acknowledged-write-lost", 3L, 5L, recovered);
  }

  @Test
  void aRecoveredCommittedLogShorterOrDifferentIsInvalid() {
    Fixture f = killedAfterAWrite();
    long shown = 4;
    long recovered = f.snapshotOf(1, S, DurabilityChecker.RECOVERED, false, List.of(),
        List.of(t(10, S, "a", "v1")), vv("R", 5, S, 10));
    Expect.invalid(checker.check(f.history()), "committed-log-shrank", shown, recovered);

    Fixture g = killedAfterAWrite();
    g.snapshotOf(1, S, DurabilityChecker.RECOVERED, false, List.of(c(1, 4, "R", "b", "x")),
        List.of(t(10, S, "a", "v1")), vv("R", 5, S, 10));
    Expect.invalid(checker.check(g.history()), "committed-log-rewritten", shown, recovered);
  }

  /** A restart that commits its tentative writes contradicts the primary's order. */
  @Test
  void aRestartThatCommitsWhatThePrimaryDidNotIsOutOfOrder() {
    Fixture f = killedAfterAWrite();
    long recovered = f.snapshotOf(1, S, DurabilityChecker.RECOVERED, false,
        List.of(CREATE_S, c(2, 10, S, "a", "v1")), List.of(), vv("R", 5, S, 10));
    f.snapshotOf(0, "R", "final", true, List.of(CREATE_S, c(2, 8, "R", "b", "x"),
        c(3, 10, S, "a", "v1")), List.of(), vv("R", 8, S, 10));
    Expect.invalid(checker.check(f.history()), "recovered-commit-out-of-order", recovered);
  }
}

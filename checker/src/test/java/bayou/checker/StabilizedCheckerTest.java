package bayou.checker;

import static bayou.checker.Fixture.entry;
import static bayou.checker.Fixture.t;
import static bayou.checker.Fixture.vv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.history.LogEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-written histories, each valid and invalid: servers 0 (R, the primary), 1 (S) and 2 (U);
 * S retires with 0 and 2 reachable, then the system stabilizes.
 */
class StabilizedCheckerTest {
  private static final String S = "<5,R>";
  private static final String U = "<6,R>";
  private static final LogEntry CREATE_S = entry(1, 5, "R", "CREATE", S);
  private static final LogEntry CREATE_U = entry(2, 6, "R", "CREATE", U);
  private static final LogEntry RETIRE_S = entry(3, 9, S, "RETIRE", S);
  private final Checker checker = new StabilizedChecker();

  private static Fixture joined() {
    Fixture f = new Fixture();
    f.nemesis("joinServer", 0, -1, "R");
    f.nemesis("joinServer", 1, -1, S);
    f.nemesis("joinServer", 2, -1, U);
    return f;
  }

  private static void stabilize(Fixture f) {
    f.nemesis("stabilizeBegin");
    f.nemesis(History.STABILIZE_END);
  }

  /** A stabilize's snapshots of R and U, both with this committed log, tentative and vector. */
  private static long snapshots(Fixture f, String reason, List<LogEntry> committed,
      List<LogEntry> tentativeAtU, java.util.Map<String, Long> vv) {
    long primary = f.snapshotOf(0, "R", reason, true, committed, List.of(), vv);
    f.snapshotOf(2, U, reason, false, committed, tentativeAtU, vv);
    return primary;
  }

  @Test
  void aRetirementCommittedAndDroppedEverywhereIsValid() {
    Fixture f = joined();
    f.nemesis("retireServer", 1, -1, S);
    stabilize(f);
    snapshots(f, "stabilize", List.of(CREATE_S, CREATE_U, RETIRE_S), List.of(),
        vv("R", 9, U, 6));
    CheckResult result = checker.check(f.history());
    Expect.valid(result);
    assertEquals(1L, result.counts().get("stabilizes-checked"));
  }

  @Test
  void anAcknowledgedRetirementThatNeverArrivesIsInvalid() {
    Fixture f = joined();
    long retired = f.nemesis("retireServer", 1, -1, S);
    stabilize(f);
    long primary = snapshots(f, "stabilize", List.of(CREATE_S, CREATE_U), List.of(),
        vv("R", 6, S, 8, U, 6));
    CheckResult result = checker.check(f.history());
    assertEquals(List.of("retirement-not-committed", "retiree-still-listed"),
        Expect.kinds(result));
    assertEquals("Server <5,R> retired (event " + retired + ") while it reached s0, s2, all in"
        + " the primary's group at this stabilize, but the stabilize snapshot of server R (event "
        + primary + ") has no committed RETIRE(<5,R>).", result.violations().get(0).explanation());
  }

  @Test
  void aRetireeCutOffFromThePrimaryIsJudgedOnlyAfterTheFinalHeal() {
    Fixture f = joined();
    f.nemesis("break", 1, 0, null);
    f.nemesis("break", 2, 0, null);
    f.nemesis("retireServer", 1, -1, S); // hands off to 2, cut off from the primary
    stabilize(f);
    f.snapshotOf(0, "R", "stabilize", true, List.of(CREATE_S, CREATE_U), List.of(),
        vv("R", 6, S, 5, U, 6));
    Expect.valid(checker.check(f.history()));
    f.nemesis("restore", 2, 0, null);
    stabilize(f);
    long last = snapshots(f, History.FINAL, List.of(CREATE_S, CREATE_U), List.of(),
        vv("R", 6, S, 8, U, 6));
    CheckResult result = checker.check(f.history());
    assertEquals(List.of("retirement-not-committed", "retiree-still-listed"),
        Expect.kinds(result));
    assertEquals(List.of(5L, last), result.violations().get(0).eventIndices());
  }

  /** The role passes only by hand-off: after the final heal, with every server up, one has it. */
  @Test
  void noPrimaryAfterTheFinalHealIsInvalidUnlessAServerIsDown() {
    Fixture f = joined();
    stabilize(f);
    long first = f.snapshotOf(0, "R", History.FINAL, false, List.of(CREATE_S, CREATE_U),
        List.of(), vv("R", 6, S, 5, U, 6));
    f.snapshotOf(1, S, History.FINAL, false, List.of(CREATE_S, CREATE_U), List.of(),
        vv("R", 6, S, 5, U, 6));
    Expect.invalid(checker.check(f.history()), "no-primary", first);

    Fixture down = joined();
    down.nemesis("killServer", 0, -1, null); // the primary, its role on its disk
    stabilize(down);
    down.snapshotOf(1, S, History.FINAL, false, List.of(CREATE_S, CREATE_U), List.of(),
        vv("R", 6, S, 5, U, 6));
    Expect.valid(checker.check(down.history()));
  }

  @Test
  void aTentativeWriteInThePrimarysGroupAfterAStabilizeIsInvalid() {
    Fixture f = joined();
    stabilize(f);
    long primary = snapshots(f, "stabilize", List.of(CREATE_S, CREATE_U), List.of(t(7, U, "k",
        "v")), vv("R", 6, S, 5, U, 7));
    Expect.invalid(checker.check(f.history()), "tentative-after-stabilize", primary + 1,
        primary);
  }

  @Test
  void tentativeWritesOutsideThePrimarysGroupOrDuringAPauseAreValid() {
    Fixture f = joined();
    f.nemesis("break", 2, 0, null);
    f.nemesis("break", 2, 1, null);
    stabilize(f);
    snapshots(f, "stabilize", List.of(CREATE_S, CREATE_U), List.of(t(7, U, "k", "v")),
        vv("R", 6, S, 5, U, 7));
    f.nemesis("restore", 2, 0, null);
    f.nemesis("restore", 2, 1, null);
    f.nemesis("pause");
    stabilize(f);
    snapshots(f, "stabilize", List.of(CREATE_S, CREATE_U), List.of(t(7, U, "k", "v")),
        vv("R", 6, S, 5, U, 7));
    CheckResult result = checker.check(f.history());
    Expect.valid(result);
    assertEquals(1L, result.counts().get("stabilizes-checked"));
  }
}

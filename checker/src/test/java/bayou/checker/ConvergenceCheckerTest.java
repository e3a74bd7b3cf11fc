package bayou.checker;

import static bayou.checker.Fixture.c;
import static bayou.checker.Fixture.id;
import static bayou.checker.Fixture.t;
import static bayou.checker.Fixture.vv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConvergenceCheckerTest {
  private static final String S = "<5,R>";
  private final Checker checker = new ConvergenceChecker();

  /** p1 puts k=a at R, then stabilize; p2 reads it at S; both final logs hold it, committed. */
  private static Fixture converged() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    h.nemesis("stabilizeBegin");
    h.nemesis("stabilizeEnd");
    h.get(2, "k", "a", S, id(10, "R"), vv("R", 10, S, 5));
    return h;
  }

  @Test
  void identicalCommittedFinalLogsHoldingEveryWriteAreValid() {
    Fixture h = converged();
    h.snapshot("R", "final", true, List.of(c(1, 10, "R", "k", "a")), List.of(), vv("R", 10));
    h.snapshot(S, "final", false, List.of(c(1, 10, "R", "k", "a")), List.of(), vv("R", 10));
    CheckResult result = checker.check(h.history());
    Expect.valid(result);
    assertEquals(1L, result.counts().get("final-reads"));
  }

  @Test
  void anAcknowledgedWriteMissingFromTheFinalLogIsLost() {
    Fixture h = new Fixture();
    long put = h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    h.put(1, "j", "b", "R", id(11, "R"), vv("R", 11));
    h.nemesis("stabilizeEnd");
    long primary = h.snapshot("R", "final", true, List.of(c(1, 11, "R", "j", "b")), List.of(),
        vv("R", 11));
    CheckResult result = checker.check(h.history());
    Expect.invalid(result, "lost", put, primary);
    assertEquals(1L, result.counts().get("lost"));
  }

  @Test
  void finalLogsThatDifferAreInvalid() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    h.nemesis("stabilizeEnd");
    long primary = h.snapshot("R", "final", true, List.of(c(1, 10, "R", "k", "a")), List.of(),
        vv("R", 10));
    long other = h.snapshot(S, "final", false, List.of(), List.of(), vv("R", 5));
    CheckResult result = checker.check(h.history());
    assertEquals(Validity.INVALID, result.validity());
    // S's log lacks the write: the logs differ, and the write is lost there.
    assertEquals(List.of("divergent-final-logs", "lost"), Expect.kinds(result));
    assertEquals(List.of(other, primary), result.violations().get(0).eventIndices());
  }

  @Test
  void tentativeWritesWithThePrimaryAliveAreInvalid() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", S, id(10, S), vv("R", 5, S, 10));
    h.nemesis("stabilizeEnd");
    long primary = h.snapshot("R", "final", true, List.of(), List.of(t(10, S, "k", "a")),
        vv("R", 5, S, 10));
    Expect.invalid(checker.check(h.history()), "tentative-after-stabilize", primary);
  }

  @Test
  void aValueNobodyWroteIsAPhantomRead() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    long read = h.get(2, "k", "zzz", "R", id(10, "R"), vv("R", 10));
    h.nemesis("stabilizeEnd");
    h.snapshot("R", "final", true, List.of(c(1, 10, "R", "k", "a")), List.of(), vv("R", 10));
    CheckResult result = checker.check(h.history());
    assertEquals(Validity.INVALID, result.validity());
    // The readFrom metadata names the put of "a", so the read also contradicts its source.
    assertEquals(List.of("phantom-read", "read-from-mismatch"), Expect.kinds(result));
    assertEquals(List.of(read), result.violations().get(0).eventIndices());
  }

  @Test
  void aDroppedWriteInTheFinalLogIsInvalid() {
    Fixture h = new Fixture();
    long dropped = h.putFailed(1, "k", "b");
    h.nemesis("stabilizeEnd");
    long primary = h.snapshot("R", "final", true, List.of(c(1, 12, "R", "k", "b")), List.of(),
        vv("R", 12));
    Expect.invalid(checker.check(h.history()), "dropped-write-present", dropped, primary);
  }

  @Test
  void aWriteWithUnknownOutcomeMayBeInTheFinalLog() {
    Fixture h = new Fixture();
    h.putInfo(1, "k", "b");
    h.nemesis("stabilizeEnd");
    h.snapshot("R", "final", true, List.of(c(1, 12, "R", "k", "b")), List.of(), vv("R", 12));
    CheckResult result = checker.check(h.history());
    Expect.valid(result);
    assertEquals(1L, result.counts().get("indeterminate-writes-present"));
  }

  @Test
  void aWriteNoClientMadeIsUnexplained() {
    Fixture h = new Fixture();
    h.nemesis("stabilizeEnd");
    long primary = h.snapshot("R", "final", true, List.of(c(1, 12, "R", "k", "b")), List.of(),
        vv("R", 12));
    Expect.invalid(checker.check(h.history()), "unexplained-write", primary);
  }

  @Test
  void aFinalReadThatDisagreesWithTheReplayIsInvalid() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    h.nemesis("stabilizeEnd");
    long read = h.get(2, "k", null, "R", null, vv("R", 10));
    long primary = h.snapshot("R", "final", true, List.of(c(1, 10, "R", "k", "a")), List.of(),
        vv("R", 10));
    Expect.invalid(checker.check(h.history()), "final-read", read, primary);
  }

  @Test
  void noFinalSnapshotIsUnknownButReadsAreStillChecked() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    h.nemesis("stabilizeEnd");
    h.snapshot("R", "stabilize", true, List.of(c(1, 10, "R", "k", "a")), List.of(), vv("R", 10));
    Expect.unknown(checker.check(h.history()), Violation.MISSING_DATA);

    long phantom = h.get(2, "k", "zzz", "R", null, vv("R", 10));
    CheckResult result = checker.check(h.history());
    assertEquals(Validity.INVALID, result.validity());
    assertEquals(List.of("phantom-read", Violation.MISSING_DATA), Expect.kinds(result));
    assertEquals(List.of(phantom), result.violations().get(0).eventIndices());
  }
}

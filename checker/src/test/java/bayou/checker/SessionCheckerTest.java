package bayou.checker;

import static bayou.checker.Fixture.c;
import static bayou.checker.Fixture.id;
import static bayou.checker.Fixture.t;
import static bayou.checker.Fixture.vv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCheckerTest {
  private static final String S = "<5,R>";
  private final Checker checker = new SessionChecker();

  @Test
  void readsAndWritesThatSeeTheSessionAreValid() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    h.get(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    h.put(1, "k", "b", S, id(20, S), vv("R", 10, S, 20));
    h.snapshot("R", "final", true, List.of(c(1, 10, "R", "k", "a"), c(2, 20, S, "k", "b")),
        List.of(), vv("R", 10, S, 20));
    CheckResult result = checker.check(h.history());
    Expect.valid(result);
    assertEquals(1L, result.counts().get("reads-checked"));
    assertEquals(2L, result.counts().get("writes-checked"));
  }

  @Test
  void aReadAtAServerLackingTheSessionsWriteBreaksReadYourWrites() {
    Fixture h = new Fixture();
    long put = h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    long read = h.get(1, "k", null, S, null, vv("R", 5, S, 6));
    h.snapshot("R", "final", true, List.of(c(1, 10, "R", "k", "a")), List.of(), vv("R", 10));
    Expect.invalid(checker.check(h.history()), "read-your-writes", put, read);
  }

  @Test
  void aReadAtAServerBehindAnEarlierReadBreaksMonotonicReads() {
    Fixture h = new Fixture();
    long first = h.get(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    long second = h.get(1, "k", null, S, null, vv("R", 5, S, 6));
    h.snapshot("R", "final", true, List.of(), List.of(), vv("R", 10));
    Expect.invalid(checker.check(h.history()), "monotonic-reads", first, second);
  }

  @Test
  void aWriteAcceptedWithoutTheSessionsEarlierWriteBreaksMonotonicWrites() {
    Fixture h = new Fixture();
    long first = h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    long second = h.put(1, "k", "b", S, id(7, S), vv("R", 5, S, 7));
    h.snapshot("R", "final", true, List.of(c(1, 10, "R", "k", "a"), c(2, 7, S, "k", "b")),
        List.of(), vv("R", 10, S, 7));
    Expect.invalid(checker.check(h.history()), "monotonic-writes", first, second);
  }

  @Test
  void aWriteAcceptedWithoutWhatTheSessionReadBreaksWritesFollowReads() {
    Fixture h = new Fixture();
    long read = h.get(2, "k", null, "R", null, vv("R", 10));
    long write = h.put(2, "k", "b", S, id(7, S), vv("R", 5, S, 7));
    h.snapshot("R", "final", true, List.of(c(1, 7, S, "k", "b")), List.of(), vv("R", 10, S, 7));
    Expect.invalid(checker.check(h.history()), "writes-follow-reads", read, write);
  }

  @Test
  void aServerThatDroppedARetiredServerStillCoversItsWrites() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    // S applied RETIRE(R) and dropped R: CompleteV counts R as retired, so 10@R is covered.
    h.get(1, "k", "a", S, id(10, "R"), vv(S, 30));
    h.snapshot(S, "final", true, List.of(c(1, 10, "R", "k", "a")), List.of(), vv(S, 30));
    Expect.valid(checker.check(h.history()));
  }

  @Test
  void aJustifiedErrDepIsValid() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    h.errDep(1, "k", S, vv("R", 5, S, 6));
    h.snapshot("R", "final", true, List.of(c(1, 10, "R", "k", "a")), List.of(), vv("R", 10));
    CheckResult result = checker.check(h.history());
    Expect.valid(result);
    assertEquals(1L, result.counts().get("err-deps-checked"));
  }

  @Test
  void anUnjustifiedErrDepMakesTheRunInvalid() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    long refused = h.errDep(1, "k", S, vv("R", 10, S, 6));
    h.snapshot("R", "final", true, List.of(c(1, 10, "R", "k", "a")), List.of(), vv("R", 10));
    CheckResult result = checker.check(h.history());
    assertEquals(Validity.INVALID, result.validity());
    assertEquals(List.of(Violation.UNJUSTIFIED_ERR_DEP), Expect.kinds(result));
    assertEquals(List.of(refused), result.violations().get(0).eventIndices());
    assertEquals(1L, result.counts().get(Violation.UNJUSTIFIED_ERR_DEP));
  }

  /** A server that covers the session's sets must accept its write (monotonic writes, WFR). */
  @Test
  void aWriteDroppedByAServerThatCoversTheSessionIsUnjustified() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    long dropped = h.putDropped(1, "k", "b", S, vv("R", 10, S, 6), 1);
    h.snapshot("R", "final", true, List.of(c(1, 10, "R", "k", "a")), List.of(), vv("R", 10));
    CheckResult result = checker.check(h.history());
    assertEquals(Validity.INVALID, result.validity());
    assertEquals(List.of(Violation.UNJUSTIFIED_DROP), Expect.kinds(result));
    assertEquals(List.of(dropped), result.violations().get(0).eventIndices());
    assertEquals(1L, result.counts().get("drops-checked"));
  }

  /** Justified drops: a server behind the session, one short of its floor, one retiring. */
  @Test
  void aWriteMayBeDroppedByAServerBehindTheSessionOrRetiring() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    h.putDropped(1, "k", "b", S, vv("R", 9, S, 6), 1); // misses the session's own write
    h.putDropped(1, "k", "b", S, vv("R", 10, S, 6), 1);
    h.nemesis("retireServer", 2, -1, S); // S was retiring when it dropped the write above
    h.sessionFloor(2, 5);
    h.put(2, "k", "c", "R", id(11, "R"), vv("R", 11));
    h.putDropped(2, "k", "d", "R", vv("R", 11), 4); // 4 commits, of the 5 the session needs
    h.snapshot("R", "final", true, List.of(c(1, 10, "R", "k", "a"), c(2, 11, "R", "k", "c")),
        List.of(), vv("R", 11));
    CheckResult result = checker.check(h.history());
    Expect.valid(result);
    assertEquals(3L, result.counts().get("drops-checked"));
  }

  /** A put the client itself gave up on (its server gone) has no vector, and is not judged. */
  @Test
  void aDropWithoutAVectorIsNotJudged() {
    Fixture h = new Fixture();
    h.putFailed(1, "k", "a");
    h.snapshot("R", "final", true, List.of(), List.of(), vv("R", 0));
    CheckResult result = checker.check(h.history());
    Expect.valid(result);
    assertEquals(null, result.counts().get("drops-checked"));
  }

  /**
   * A session that replaced a retiree's entry by a commit floor may be refused by a server that
   * covers its sets but lacks those commits; one that holds them has no excuse.
   */
  @Test
  void anErrDepIsJustifiedByACommitFloorTheServerDoesNotReach() {
    Fixture h = new Fixture();
    h.sessionFloor(1, 7);
    h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    h.errDep(1, "k", S, vv("R", 10, S, 6), 6);
    long refused = h.errDep(1, "k", S, vv("R", 10, S, 6), 7);
    h.snapshot("R", "final", true, List.of(c(1, 10, "R", "k", "a")), List.of(), vv("R", 10));
    CheckResult result = checker.check(h.history());
    assertEquals(List.of(Violation.UNJUSTIFIED_ERR_DEP), Expect.kinds(result));
    assertEquals(List.of(refused), result.violations().get(0).eventIndices());
    assertEquals(2L, result.counts().get("err-deps-checked"));
  }

  @Test
  void sessionWritesOutOfOrderInALogBreakMonotonicWrites() {
    Fixture h = new Fixture();
    long first = h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    long second = h.put(1, "k", "b", "R", id(20, "R"), vv("R", 20));
    long snapshot = h.snapshot("R", "final", true,
        List.of(c(1, 20, "R", "k", "b"), c(2, 10, "R", "k", "a")), List.of(), vv("R", 20));
    Expect.invalid(checker.check(h.history()), "monotonic-writes-order", first, second, snapshot);
  }

  @Test
  void aTentativeWriteWithoutTheSessionsEarlierWriteBreaksMonotonicWrites() {
    Fixture h = new Fixture();
    long first = h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    long second = h.put(1, "k", "b", S, id(20, S), vv("R", 10, S, 20));
    h.snapshot("R", "stabilize", true, List.of(c(1, 10, "R", "k", "a")), List.of(), vv("R", 10));
    long lagging = h.snapshot("<9,R>", "printLog", false, List.of(), List.of(t(20, S, "k", "b")),
        vv("R", 9, S, 20));
    Expect.invalid(checker.check(h.history()), "monotonic-writes-order", first, second, lagging);
  }

  @Test
  void aWriteLoggedWithoutTheWriteItsSessionReadBreaksWritesFollowReads() {
    Fixture h = new Fixture();
    long read = h.get(2, "k", "a", "R", id(10, "R"), vv("R", 10));
    long write = h.put(2, "k", "b", "R", id(20, "R"), vv("R", 20));
    long snapshot = h.snapshot("R", "final", true, List.of(c(1, 20, "R", "k", "b")), List.of(),
        vv("R", 20));
    Expect.invalid(checker.check(h.history()), "writes-follow-reads-order", read, write, snapshot);
  }

  @Test
  void operationsWithoutVectorsAreUnknown() {
    Fixture h = new Fixture();
    h.invoke(1, "get", "k", null);
    h.complete(1, bayou.history.OpType.OK, "get", "k", "a", null, "R", null, null, null);
    h.snapshot("R", "final", true, List.of(), List.of(), vv("R", 10));
    Expect.unknown(checker.check(h.history()), Violation.MISSING_DATA);
  }
}

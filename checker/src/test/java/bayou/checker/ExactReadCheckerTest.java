package bayou.checker;

import static bayou.checker.Fixture.c;
import static bayou.checker.Fixture.entry;
import static bayou.checker.Fixture.id;
import static bayou.checker.Fixture.t;
import static bayou.checker.Fixture.vv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-written histories, each valid and invalid: server S = {@code <5,R>} was created by the
 * primary R (CSN 1), R committed put k=v1 (CSN 2), S holds its tentative put k=v2 (stamp 30).
 */
class ExactReadCheckerTest {
  private static final String S = "<5,R>";
  private final Checker checker = new ExactReadChecker();

  /** The run's end: the primary's final log commits CREATE S, k=v1, then S's k=v2. */
  private static void finalLog(Fixture f) {
    f.snapshot("R", History.FINAL, true, List.of(entry(1, 5, "R", "CREATE", S),
        c(2, 20, "R", "k", "v1"), c(3, 30, S, "k", "v2")), List.of(), vv("R", 40, S, 30));
  }

  private static Fixture base() {
    Fixture f = new Fixture();
    f.put(1, "k", "v1", "R", id(20, "R"), vv("R", 20));
    f.put(2, "k", "v2", S, id(30, S), vv("R", 5, S, 30));
    return f;
  }

  @Test
  void aReadOfTheTentativeWriteItsVectorCoversIsValid() {
    Fixture f = base();
    f.getAt(2, "k", "v2", S, 1, vv("R", 5, S, 30)); // k=v1 not yet at S: its tentative v2
    f.getAt(3, "k", "v1", "R", 2, vv("R", 20, S, 5)); // R has not seen v2 yet
    f.getAt(4, "k", "v2", "R", 3, vv("R", 40, S, 30));
    finalLog(f);
    Expect.valid(checker.check(f.history()));
  }

  @Test
  void aReadThatMissesTheTentativeWriteItsVectorCoversIsInvalid() {
    Fixture f = base();
    long read = f.getAt(2, "k", "v1", S, 2, vv("R", 20, S, 30));
    finalLog(f);
    CheckResult result = checker.check(f.history());
    Expect.invalid(result, "wrong-value", 1L, 3L, read);
    assertEquals("Process 2 read k=v1 (event " + read + ") at server <5,R>, but its log then"
        + " (the first 2 committed writes, then the tentative writes its vector covers) ends,"
        + " for k, with PUT k=v2 (30@<5,R>), tentative there, so the answer is v2. The value"
        + " returned was written by process 1's put k=v1 (event 1, write 20@R).",
        result.violations().get(0).explanation());
  }

  @Test
  void aReadOfAWriteTheVectorDoesNotCoverIsInvalid() {
    Fixture f = base();
    long read = f.getAt(3, "k", "v2", "R", 2, vv("R", 20, S, 5)); // R lacks v2
    finalLog(f);
    Expect.invalid(checker.check(f.history()), "wrong-value", 1L, 3L, read);
  }

  @Test
  void aDeleteMakesTheAnswerErrKeyAndAnOlderValueIsInvalid() {
    Fixture f = base();
    f.delete(1, "k", "R", id(35, "R"), vv("R", 35));
    f.getAt(1, "k", null, "R", 3, vv("R", 35, S, 5)); // valid: the committed DELETE
    long stale = f.getAt(3, "k", "v1", "R", 3, vv("R", 35, S, 5));
    f.snapshot("R", History.FINAL, true, List.of(entry(1, 5, "R", "CREATE", S),
        c(2, 20, "R", "k", "v1"), entry(3, 35, "R", "DELETE", "k"), c(4, 30, S, "k", "v2")),
        List.of(), vv("R", 40, S, 30));
    CheckResult result = checker.check(f.history());
    Expect.invalid(result, "wrong-value", 1L, 5L, stale);
    assertEquals(1L, result.counts().get("wrong-value"));
  }

  @Test
  void errKeyWhileTheLogHoldsAPutIsStale() {
    Fixture f = base();
    long read = f.getAt(3, "k", null, "R", 2, vv("R", 20, S, 5));
    finalLog(f);
    Expect.invalid(checker.check(f.history()), "stale-err-key", 1L, read);
  }

  @Test
  void tentativeWritesOrderByStampNotByArrival() {
    Fixture f = new Fixture();
    String u = "<6,R>";
    f.put(1, "k", "late", S, id(50, S), vv("R", 5, S, 50));
    f.put(2, "k", "early", u, id(40, u), vv("R", 6, u, 40));
    long good = f.getAt(1, "k", "late", S, 2, vv("R", 6, S, 50, u, 40));
    long bad = f.getAt(2, "k", "early", u, 2, vv("R", 6, S, 50, u, 40));
    f.snapshot("R", History.FINAL, true, List.of(entry(1, 5, "R", "CREATE", S),
        entry(2, 6, "R", "CREATE", u), c(3, 50, S, "k", "late"), c(4, 40, u, "k", "early")),
        List.of(), vv("R", 40, S, 50, u, 40));
    CheckResult result = checker.check(f.history());
    Expect.invalid(result, "wrong-value", 1L, 3L, bad);
    assertEquals(1L, result.counts().get("wrong-value"), "event " + good + " is valid");
  }

  @Test
  void aRetiredAcceptorsWritesAreCoveredByCompleteV() {
    Fixture f = base();
    f.getAt(3, "k", "v2", "R", 2, vv("R", 40)); // S retired: R >= 5 means all of S is seen
    long bad = f.getAt(4, "k", "v1", "R", 2, vv("R", 40));
    finalLog(f);
    Expect.invalid(checker.check(f.history()), "wrong-value", 1L, 3L, bad);
  }

  @Test
  void aHistoryWithoutCommitCountsIsUnknown() {
    Fixture f = base();
    f.get(3, "k", "v1", "R", id(20, "R"), vv("R", 20));
    finalLog(f);
    Expect.unknown(checker.check(f.history()), Violation.MISSING_DATA);
  }

  @Test
  void theSyntheticHistoryIsValid() {
    Expect.valid(checker.check(History.of(SyntheticHistory.generate(20_000, 7, 4, 6, 5))));
  }
}

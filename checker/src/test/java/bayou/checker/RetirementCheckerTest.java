package bayou.checker;

import static bayou.checker.Fixture.c;
import static bayou.checker.Fixture.entry;
import static bayou.checker.Fixture.vv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.history.OpType;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetirementCheckerTest {
  private static final String S = "<5,R>";
  private static final String X = "<7,R>";
  private final Checker checker = new RetirementChecker();

  private final Fixture h = new Fixture();
  private long dropped;

  /** S knew R, then applied R's retirement (RETIRE(R) at 40@R) and dropped R. */
  private Fixture retiredR() {
    h.get(1, "k", null, S, null, vv("R", 10, S, 20));
    h.nemesis("retireServer", "R");
    dropped = h.snapshot(S, "stabilize", true, List.of(entry(1, 40, "R", "RETIRE", "R")),
        List.of(), vv(S, 30));
    return h;
  }

  @Test
  void aRetiredServerThatStaysDroppedIsValid() {
    retiredR();
    h.get(1, "k", null, S, null, vv(S, 31));
    h.snapshot(S, "final", true, List.of(entry(1, 40, "R", "RETIRE", "R")), List.of(), vv(S, 31));
    CheckResult result = checker.check(h.history());
    Expect.valid(result);
    assertEquals(1L, result.counts().get("retirements-applied"));
  }

  @Test
  void aRetiredServerBackInAReplyVectorIsInvalid() {
    retiredR();
    long reply = h.get(1, "k", null, S, null, vv("R", 40, S, 31));
    Expect.invalid(checker.check(h.history()), "retired-reappeared", dropped, reply);
  }

  @Test
  void aRetiredServerBackInASnapshotVectorIsInvalid() {
    h.nemesis("retireServer", "R");
    long gone = h.snapshot(S, "printLog", false, List.of(), List.of(), vv(S, 20));
    long back = h.snapshot(S, "final", false, List.of(), List.of(), vv("R", 40, S, 20));
    Expect.invalid(checker.check(h.history()), "retired-reappeared", gone, back);
  }

  @Test
  void aVectorWithoutTheRootIsNoEvidenceOfItsRetirementAlone() {
    // Before any retirement, a vector lacking R (say, a server still joining) proves nothing.
    h.snapshot(S, "printLog", false, List.of(), List.of(), vv(S, 20));
    h.snapshot(S, "final", false, List.of(), List.of(), vv("R", 40, S, 20));
    Expect.valid(checker.check(h.history()));
  }

  @Test
  void aCreatedServerDroppedByCompleteVMayNotReturn() {
    h.get(1, "k", null, S, null, vv("R", 10, S, 20, X, 8));
    // X = <7,R> is gone while R=10 >= 7: retired by CompleteV.
    long gone = h.get(1, "k", null, S, null, vv("R", 10, S, 21));
    long back = h.get(1, "k", null, S, null, vv("R", 10, S, 22, X, 8));
    Expect.invalid(checker.check(h.history()), "retired-reappeared", gone, back);
  }

  @Test
  void aRetireInTheLogWithTheRetireeStillInTheVectorIsInvalid() {
    long snapshot = h.snapshot(S, "final", true, List.of(c(1, 10, "R", "k", "a"),
        entry(2, 40, "R", "RETIRE", "R")), List.of(), vv("R", 40, S, 30));
    Expect.invalid(checker.check(h.history()), "retiree-in-vector", snapshot);
  }

  @Test
  void aReplyTakenBeforeTheDropButRecordedAfterIsNotJudged() {
    h.get(1, "k", null, S, null, vv("R", 10, S, 20));
    h.invoke(2, "get", "k", null);
    h.snapshot(S, "stabilize", true, List.of(entry(1, 40, "R", "RETIRE", "R")), List.of(),
        vv(S, 30));
    h.complete(2, OpType.OK, "get", "k", null, "ERR_KEY", S, vv("R", 40, S, 21), null, null);
    Expect.valid(checker.check(h.history()));
  }

  @Test
  void noVectorsAtAllIsUnknown() {
    h.putFailed(1, "k", "a");
    Expect.unknown(checker.check(h.history()), Violation.MISSING_DATA);
  }
}

package bayou.checker;

import static bayou.checker.Fixture.c;
import static bayou.checker.Fixture.t;
import static bayou.checker.Fixture.vv;

import java.util.List;
import org.junit.jupiter.api.Test;

class TentativeOrderCheckerTest {
  private static final String S = "<5,R>";
  private final Checker checker = new TentativeOrderChecker();

  @Test
  void stampThenNameOrderIsValid() {
    Fixture h = new Fixture();
    // "<5,R>" sorts before "R" as a string, so the tie on stamp 20 goes to S first.
    h.snapshot(S, "printLog", false, List.of(c(1, 10, "R", "k", "a")),
        List.of(t(20, S, "k", "b"), t(20, "R", "j", "c"), t(30, "R", "k", "d")),
        vv("R", 30, S, 20));
    h.snapshot("R", "final", true, List.of(c(1, 10, "R", "k", "a")), List.of(), vv("R", 30));
    Expect.valid(checker.check(h.history()));
  }

  @Test
  void tentativeWritesOutOfStampOrderAreInvalid() {
    Fixture h = new Fixture();
    long snapshot = h.snapshot(S, "printLog", false, List.of(),
        List.of(t(30, "R", "k", "b"), t(20, S, "k", "c")), vv("R", 30, S, 20));
    Expect.invalid(checker.check(h.history()), "tentative-order", snapshot);
  }

  @Test
  void aWriteBothCommittedAndTentativeIsInvalid() {
    Fixture h = new Fixture();
    long snapshot = h.snapshot(S, "printLog", false, List.of(c(1, 10, "R", "k", "a")),
        List.of(t(10, "R", "k", "a")), vv("R", 10));
    Expect.invalid(checker.check(h.history()), "committed-and-tentative", snapshot);
  }

  @Test
  void aWriteCommittedTwiceIsInvalid() {
    Fixture h = new Fixture();
    long snapshot = h.snapshot("R", "final", true,
        List.of(c(1, 10, "R", "k", "a"), c(2, 10, "R", "k", "a")), List.of(), vv("R", 10));
    Expect.invalid(checker.check(h.history()), "duplicate-write", snapshot);
  }

  @Test
  void aWriteTentativeTwiceIsInvalid() {
    Fixture h = new Fixture();
    long snapshot = h.snapshot(S, "printLog", false, List.of(),
        List.of(t(10, "R", "k", "a"), t(10, "R", "k", "a")), vv("R", 10));
    Expect.invalid(checker.check(h.history()), "duplicate-write", snapshot);
  }

  @Test
  void noSnapshotsIsUnknown() {
    Expect.unknown(checker.check(new Fixture().history()), Violation.MISSING_DATA);
  }
}

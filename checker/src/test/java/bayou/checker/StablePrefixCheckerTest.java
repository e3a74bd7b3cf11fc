package bayou.checker;

import static bayou.checker.Fixture.c;
import static bayou.checker.Fixture.vv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StablePrefixCheckerTest {
  private static final String S = "<5,R>";
  private final Checker checker = new StablePrefixChecker();

  @Test
  void prefixesThatGrowAreValid() {
    Fixture h = new Fixture();
    h.snapshot(S, "stabilize", false, List.of(c(1, 10, "R", "k", "a")), List.of(), vv("R", 10));
    h.snapshot("R", "stabilize", true, List.of(c(1, 10, "R", "k", "a"), c(2, 11, S, "j", "b")),
        List.of(), vv("R", 11, S, 11));
    h.snapshot(S, "final", false, List.of(c(1, 10, "R", "k", "a"), c(2, 11, S, "j", "b")),
        List.of(), vv("R", 11, S, 11));
    CheckResult result = checker.check(h.history());
    Expect.valid(result);
    assertEquals(2L, result.counts().get("longest-committed"));
  }

  @Test
  void aCommitThatDivergesFromTheLongestIsInvalid() {
    Fixture h = new Fixture();
    long longest = h.snapshot("R", "stabilize", true,
        List.of(c(1, 10, "R", "k", "a"), c(2, 11, S, "j", "b")), List.of(), vv("R", 11));
    long divergent = h.snapshot(S, "printLog", false, List.of(c(1, 11, S, "j", "b")), List.of(),
        vv("R", 11));
    Expect.invalid(checker.check(h.history()), "divergent-commit", divergent, longest);
  }

  @Test
  void aCommittedSequenceThatShrinksIsInvalid() {
    Fixture h = new Fixture();
    long before = h.snapshot("R", "stabilize", true,
        List.of(c(1, 10, "R", "k", "a"), c(2, 11, "R", "j", "b")), List.of(), vv("R", 11));
    long after = h.snapshot("R", "final", true, List.of(c(1, 10, "R", "k", "a")), List.of(),
        vv("R", 11));
    Expect.invalid(checker.check(h.history()), "commit-shrunk", before, after);
  }

  @Test
  void aCsnGapIsInvalid() {
    Fixture h = new Fixture();
    long snapshot = h.snapshot("R", "final", true,
        List.of(c(1, 10, "R", "k", "a"), c(3, 11, "R", "j", "b")), List.of(), vv("R", 11));
    Expect.invalid(checker.check(h.history()), "csn-mismatch", snapshot);
  }

  @Test
  void noSnapshotsIsUnknown() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", Fixture.id(10, "R"), vv("R", 10));
    Expect.unknown(checker.check(h.history()), Violation.MISSING_DATA);
  }
}

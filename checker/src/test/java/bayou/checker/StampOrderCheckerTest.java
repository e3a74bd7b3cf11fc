package bayou.checker;

import static bayou.checker.Fixture.id;
import static bayou.checker.Fixture.vv;

import org.junit.jupiter.api.Test;

/** A write's stamp against the stamps its server had seen (its reply's vector). */
class StampOrderCheckerTest {
  private static final String S = "<5,R>";
  private final Checker checker = new StampOrderChecker();

  @Test
  void aWriteStampedAfterEverythingItsServerSawIsValid() {
    Fixture f = new Fixture();
    f.put(2, "a", "v1", "R", id(100, "R"), vv("R", 100));
    f.put(3, "a", "v2", S, id(101, S), vv("R", 100, S, 101));
    Expect.valid(checker.check(f.history()));
  }

  /** S's clock is behind: it stamps 50 after seeing R's 100. */
  @Test
  void aWriteStampedBeforeAWriteItsServerHadSeenIsInvalid() {
    Fixture f = new Fixture();
    f.put(2, "a", "v1", "R", id(100, "R"), vv("R", 100));
    long late = f.put(3, "a", "v2", S, id(50, S), vv("R", 100, S, 50));
    Expect.invalid(checker.check(f.history()), "stamp-before-seen-write", late);
  }
}

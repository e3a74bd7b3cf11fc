package bayou.checker;

import static bayou.checker.Fixture.id;
import static bayou.checker.Fixture.vv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An acknowledged write must carry its id: without one every log check passes it by. */
class WellFormedCheckerTest {
  private final Checker checker = new WellFormedChecker();

  @Test
  void anAcknowledgedWriteWithItsIdIsValidAndOneWithoutIsNot() {
    Fixture f = new Fixture();
    f.put(1, "k", "v1", "R", id(10, "R"), vv("R", 10));
    f.putFailed(2, "k", "v2"); // dropped: no id, rightly
    Expect.valid(checker.check(f.history()));
    long bare = f.put(1, "k", "v3", "R", null, vv("R", 11));
    CheckResult result = checker.check(f.history());
    Expect.invalid(result, "ok-write-without-id", bare);
    assertEquals("Process 1's put k=v3 (event " + bare + ") was acknowledged by server R without"
        + " a write id, so no checker can find it in a log.",
        result.violations().get(0).explanation());
  }
}

package bayou.checker;

import static bayou.checker.Fixture.id;
import static bayou.checker.Fixture.vv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.history.OpType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The black-box check ignores metadata, so these fixtures give every operation the same one. */
class BlackBoxCheckerTest {
  private static final Map<String, Long> VV = vv("R", 1);
  private final Checker checker = new BlackBoxChecker();
  private final Fixture h = new Fixture();
  private long stamp;

  private long put(int process, String key, String value) {
    return h.put(process, key, value, "R", id(++stamp, "R"), VV);
  }

  private long get(int process, String key, String value) {
    return h.get(process, key, value, "R", null, VV);
  }

  @Test
  void readsThatFollowCausalityAreValid() {
    put(1, "k", "a");
    get(2, "k", "a");
    put(2, "k", "b");
    get(1, "k", "b");
    get(2, "k", "b");
    CheckResult result = checker.check(h.history());
    Expect.valid(result);
    assertEquals(3L, result.counts().get("reads"));
  }

  @Test
  void readingAnOlderValueThanOnesOwnWriteIsStale() {
    put(1, "k", "a");
    long newer = put(1, "k", "b");
    long stale = get(1, "k", "a");
    Expect.invalid(checker.check(h.history()), "stale-read", newer, stale);
  }

  @Test
  void readingAValueOlderThanOneReadBeforeIsStaleThroughAnotherSession() {
    put(1, "k", "a");
    get(2, "k", "a");
    put(2, "k", "b");
    long newer = get(3, "k", "b");
    long stale = get(3, "k", "a");
    Expect.invalid(checker.check(h.history()), "stale-read", newer, stale);
  }

  @Test
  void concurrentWritesMayBeReadInEitherOrder() {
    put(1, "k", "a");
    put(2, "k", "b");
    get(3, "k", "b");
    get(3, "k", "a");
    Expect.valid(checker.check(h.history()));
  }

  @Test
  void aValueReadBeforeItsPutWasInvokedIsAFutureRead() {
    h.invoke(2, "get", "k", null);
    long read = h.complete(2, OpType.OK, "get", "k", "a", null, "R", VV, null, null);
    long putInvoked = h.invoke(1, "put", "k", "a");
    h.complete(1, OpType.OK, "put", "k", "a", null, "R", VV, id(1, "R"), null);
    Expect.invalid(checker.check(h.history()), "future-read", read, putInvoked);
  }

  @Test
  void errKeyAfterOwnPutWithNoDeleteAnywhereIsStale() {
    long own = put(1, "k", "a");
    long absent = get(1, "k", null);
    Expect.invalid(checker.check(h.history()), "stale-read", own, absent);
  }

  @Test
  void laterWritesOfASessionNeedNotFollowAWriteWithUnknownOutcome() {
    h.putInfo(1, "k", "b");
    put(1, "k", "a");
    get(2, "k", "a");
    get(2, "k", "b");
    Expect.valid(checker.check(h.history()));
  }

  @Test
  void aWriteWithUnknownOutcomeStillFollowsItsSessionsPast() {
    put(1, "k", "a");
    h.putInfo(1, "k", "b");
    long newer = get(2, "k", "b");
    long stale = get(2, "k", "a");
    Expect.invalid(checker.check(h.history()), "stale-read", newer, stale);
  }

  @Test
  void readsOfARepeatedValueAreSkipped() {
    put(1, "k", "a");
    put(2, "k", "a");
    get(3, "k", "a");
    CheckResult result = checker.check(h.history());
    Expect.valid(result);
    assertEquals(1L, result.counts().get("ambiguous-reads"));
  }
}

package bayou.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CheckersTest {
  private static CheckResult result(String name, Validity validity) {
    return new CheckResult(name, validity, Map.of(), List.of());
  }

  @Test
  void invalidBeatsUnknownBeatsValid() {
    assertEquals(Validity.VALID, Validity.VALID.merge(Validity.VALID));
    assertEquals(Validity.UNKNOWN, Validity.VALID.merge(Validity.UNKNOWN));
    assertEquals(Validity.UNKNOWN, Validity.UNKNOWN.merge(Validity.VALID));
    assertEquals(Validity.INVALID, Validity.UNKNOWN.merge(Validity.INVALID));
    assertEquals(Validity.INVALID, Validity.INVALID.merge(Validity.UNKNOWN));
    assertEquals(Validity.INVALID, Validity.INVALID.merge(Validity.VALID));
    assertEquals(Validity.VALID, CheckResult.merge(List.of()));
    assertEquals(Validity.UNKNOWN, CheckResult.merge(List.of(result("a", Validity.VALID),
        result("b", Validity.UNKNOWN))));
    assertEquals(Validity.INVALID, CheckResult.merge(List.of(result("a", Validity.UNKNOWN),
        result("b", Validity.INVALID), result("c", Validity.VALID))));
  }

  @Test
  void aCheckerThatThrowsIsUnknownWithTheMessage() {
    Checker broken = new Checker() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public CheckResult check(History history) {
        throw new IllegalStateException("no such index");
      }
    };
    List<CheckResult> results = Checkers.checkAll(new Fixture().history(),
        List.of(broken, new WellFormedChecker()));
    CheckResult result = results.get(0);
    Expect.unknown(result, Violation.CHECKER_ERROR);
    assertEquals("the checker threw java.lang.IllegalStateException: no such index",
        result.violations().get(0).explanation());
    assertEquals(Validity.VALID, results.get(1).validity());
    assertEquals(Validity.UNKNOWN, CheckResult.merge(results));
  }

  /** On several threads the checkers give exactly what they give one after another. */
  @Test
  void inParallelTheResultsAreTheSameInTheSameOrder() {
    List<bayou.history.HistoryEvent> events = SyntheticHistory.generate(3_000, 11, 4, 6, 5);
    List<bayou.history.HistoryEvent> damaged = new java.util.ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (i % 97 != 50) { // unpaired operations and gaps: findings for several checkers
        damaged.add(events.get(i));
      }
    }
    for (List<bayou.history.HistoryEvent> history : List.of(events, damaged)) {
      List<CheckResult> sequential = Checkers.checkAll(History.of(history));
      assertEquals(sequential, Checkers.checkAllInParallel(History.of(history)));
    }
    assertEquals(Validity.INVALID, CheckResult.merge(Checkers.checkAll(History.of(damaged))));
  }

  @Test
  void allRunsEveryCheckerOnce() {
    List<String> names = Checkers.checkAll(new Fixture().history()).stream()
        .map(CheckResult::checker).collect(Collectors.toList());
    assertEquals(List.of("well-formed", "stable-prefix", "tentative-order", "convergence",
        "session", "retirement", "black-box", "invariants", "exact-read", "stabilized",
        "durability", "stamp-order", "availability"), names);
  }

  @Test
  void findingsKeepTheFirstViolationsButCountAll() {
    Findings findings = new Findings("many");
    for (int i = 0; i < 50; i++) {
      findings.violation("lost", "write " + i + " is lost", i);
    }
    findings.missingData("no snapshots");
    CheckResult result = findings.result();
    assertEquals(Validity.INVALID, result.validity());
    assertEquals(50L, result.counts().get("lost"));
    assertEquals(Findings.FATAL_KEPT_MAX + 1, result.violations().size());
    assertEquals(Violation.MISSING_DATA, result.violations().get(20).kind());
  }
}

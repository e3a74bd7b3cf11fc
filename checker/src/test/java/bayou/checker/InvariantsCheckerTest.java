package bayou.checker;

import static bayou.checker.Fixture.c;
import static bayou.checker.Fixture.id;
import static bayou.checker.Fixture.vv;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.history.NemesisEvent;
import bayou.history.OpEvent;
import bayou.history.OpType;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvariantsCheckerTest {
  private final Checker checker = new InvariantsChecker();

  @Test
  void aReportedViolationMakesTheRunInvalidAndSaysWhat() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    long report = h.event(NemesisEvent.of(InvariantsChecker.EVENT, -1, -1, null,
        "node 0: invariant violated: R: received CSN 1 as 11@R, but holds 10@R there"));
    CheckResult result = checker.check(h.history());
    Expect.invalid(result, "invariant", report);
    assertTrue(result.violations().get(0).explanation().contains("received CSN 1"),
        result.violations().get(0).explanation());
  }

  @Test
  void aRunWithoutReportsIsValid() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
    h.nemesis("stabilizeEnd");
    Expect.valid(checker.check(h.history()));
  }

  /**
   * What the recorder writes when a cluster call throws: {@code info} with no server and no
   * vector. Every checker takes it as "may or may not have taken effect", both ways.
   */
  @Test
  void anOperationWhoseCallThrewMayOrMayNotHaveTakenEffect() {
    for (boolean applied : List.of(true, false)) {
      Fixture h = new Fixture();
      h.put(1, "k", "a", "R", id(10, "R"), vv("R", 10));
      h.invoke(1, "put", "k", "b");
      h.event(new OpEvent(-1, -1, OpType.INFO, 1, "put", "k", "b",
          "unknown: no answer within 5000 ms", -1, null, null, null, null, null, null));
      h.put(1, "j", "c", "R", id(30, "R"), vv("R", 30));
      h.nemesis("stabilizeEnd");
      List<bayou.history.LogEntry> log = applied
          ? List.of(c(1, 10, "R", "k", "a"), c(2, 20, "R", "k", "b"), c(3, 30, "R", "j", "c"))
          : List.of(c(1, 10, "R", "k", "a"), c(2, 30, "R", "j", "c"));
      h.snapshot("R", "final", true, log, List.of(), vv("R", 30));
      h.get(2, "k", applied ? "b" : "a", "R", id(applied ? 20 : 10, "R"), vv("R", 30));
      for (CheckResult result : Checkers.checkAll(h.history())) {
        if (!result.checker().equals("exact-read")) { // this get carries no commit count
          Expect.valid(result);
        }
      }
    }
  }
}

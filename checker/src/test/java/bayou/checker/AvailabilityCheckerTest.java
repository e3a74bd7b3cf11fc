package bayou.checker;

import static bayou.checker.Fixture.id;
import static bayou.checker.Fixture.vv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.history.NemesisEvent;
import bayou.history.OpType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Servers 0 (R) and 1 (S), clients 10 on R and 11 on S: after a stabilize of the whole system,
 * every operation must be answered until the next fault.
 */
class AvailabilityCheckerTest {
  private static final String S = "<5,R>";
  private final Checker checker = new AvailabilityChecker();

  private static Fixture joined() {
    return joined(new Fixture());
  }

  private static Fixture joined(Fixture f) {
    f.nemesis("joinServer", 0, -1, "R");
    f.nemesis("joinServer", 1, -1, S);
    f.nemesis("joinClient", 10, 0, null);
    f.nemesis("joinClient", 11, 1, null);
    return f;
  }

  private static long stabilize(Fixture f) {
    f.nemesis("stabilizeBegin");
    return f.nemesis(History.STABILIZE_END);
  }

  private static long timeout(Fixture f, int client, String key) {
    f.invoke(client, "get", key, null);
    return f.complete(client, OpType.INFO, "get", key, null, "timeout", null, null, null, null);
  }

  @Test
  void answersAfterAWholeStabilizeAreValid() {
    Fixture f = joined();
    f.put(10, "k", "a", "R", id(3, "R"), vv("R", 3));
    stabilize(f);
    f.get(10, "k", "a", "R", id(3, "R"), vv("R", 3, S, 0));
    f.errDep(11, "k", S, vv("R", 0, S, 0));
    f.nemesis("moveClient", 11, 0, null);
    f.get(11, "k", "a", "R", id(3, "R"), vv("R", 3, S, 0));
    validJudging(f, 3);
  }

  private void validJudging(Fixture f, long judged) {
    CheckResult result = checker.check(f.history());
    Expect.valid(result);
    assertEquals(judged, result.counts().get("ops-judged"));
  }

  @Test
  void aTimeoutAfterAWholeStabilizeIsUnanswered() {
    Fixture f = joined();
    stabilize(f);
    f.get(10, "k", null, "R", null, vv("R", 0));
    long silent = timeout(f, 11, "k");
    Expect.invalid(checker.check(f.history()), "unanswered", silent);
  }

  /** A put dropped by the client itself (no vector: its server gone) while S is live. */
  @Test
  void aWriteTheServerNeverAnsweredIsUnanswered() {
    Fixture f = joined();
    stabilize(f);
    long dropped = f.putFailed(11, "k", "a");
    Expect.invalid(checker.check(f.history()), "unanswered", dropped);
  }

  @Test
  void faultsExcuseSilence() {
    Fixture paused = joined();
    paused.nemesis("pause");
    stabilize(paused);
    timeout(paused, 11, "k"); // a stabilize while paused promises nothing

    Fixture partitioned = joined();
    partitioned.nemesis("break", 0, 1, null);
    stabilize(partitioned);
    timeout(partitioned, 11, "k");

    Fixture clientCut = joined();
    clientCut.nemesis("break", 11, 1, null);
    stabilize(clientCut);
    timeout(clientCut, 11, "k");

    Fixture faultAfter = joined();
    stabilize(faultAfter);
    faultAfter.invoke(11, "get", "k", null);
    faultAfter.nemesis("freezeServer", 1, -1, null); // before the timeout: it may be why
    faultAfter.complete(11, OpType.INFO, "get", "k", null, "timeout", null, null, null, null);

    Fixture gaveUp = joined();
    gaveUp.nemesis("stabilizeBegin");
    gaveUp.event(NemesisEvent.of(History.STABILIZE_END, -1, -1, null, "gave up"));
    timeout(gaveUp, 11, "k");

    for (Fixture f : new Fixture[] {paused, partitioned, clientCut, faultAfter, gaveUp}) {
      validJudging(f, 0);
    }
  }

  @Test
  void aHealedCutCountsAsWhole() {
    Fixture f = joined();
    f.nemesis("break", 0, 1, null);
    f.nemesis("break", 11, 1, null);
    f.nemesis("restore", 1, 0, null);
    f.nemesis("restore", 1, 11, null);
    stabilize(f);
    long silent = timeout(f, 11, "k");
    Expect.invalid(checker.check(f.history()), "unanswered", silent);
  }

  /** Restoring a client's link to another server moves the client there, as the master does. */
  @Test
  void aRestoredLinkMovesTheClientToThatServer() {
    Fixture f = joined();
    f.nemesis("break", 0, 10, null);
    f.nemesis("restore", 1, 10, null);
    f.nemesis("break", 1, 10, null); // cut from S: it may not answer, and R is not its server
    stabilize(f);
    timeout(f, 10, "k");
    Expect.valid(checker.check(f.history()));

    Fixture moved = joined();
    moved.nemesis("break", 10, 0, null);
    moved.nemesis("restore", 10, 1, null);
    stabilize(moved);
    long silent = timeout(moved, 10, "k");
    CheckResult result = checker.check(moved.history());
    Expect.invalid(result, "unanswered", silent);
    assertEquals(true, result.violations().get(0).explanation().contains("at server 1"),
        () -> result.violations().get(0).explanation());
  }

  /** A run in the simulator: its history opens with the mark of virtual time. */
  private static Fixture simulated() {
    Fixture f = new Fixture();
    f.event(NemesisEvent.of(NemesisEvent.VIRTUAL_TIME, -1, -1, null, null));
    return joined(f);
  }

  /**
   * A step that failed in the simulator is the system's doing; on processes a loaded machine may
   * have made it miss its deadline, so it is only counted.
   */
  @Test
  void aStepThatFailedInVirtualTimeIsAFinding() {
    Fixture simulated = simulated();
    long sync = simulated.event(NemesisEvent.of(NemesisEvent.STEP_FAILED, -1, -1, null,
        "restoreConnection 0 1: sync on node 1: no answer within 5000 ms"));
    long heal = simulated.event(NemesisEvent.of(NemesisEvent.HEAL_FAILED, 1, -1, null,
        "thaw server 1: not frozen"));
    CheckResult result = checker.check(simulated.history());
    Expect.invalid(result, "step-failed", sync);
    assertEquals(List.of(heal), result.violations().get(1).eventIndices());
    assertEquals(2L, result.counts().get("steps-failed"));
    assertEquals(true, result.violations().get(0).explanation()
        .contains("restoreConnection 0 1: sync on node 1"), () -> result.violations().get(0)
        .explanation());

    Fixture processes = joined();
    processes.event(NemesisEvent.of(NemesisEvent.STEP_FAILED, -1, -1, null,
        "restoreConnection 0 1: sync on node 1: no answer within 5000 ms"));
    CheckResult counted = checker.check(processes.history());
    Expect.valid(counted);
    assertEquals(1L, counted.counts().get("steps-failed"));
  }

  /**
   * In virtual time a silence needs no stabilize before it to be a finding: a live server that
   * its client reaches answers at once, partitions between servers or not.
   */
  @Test
  void inTheSimulatorASilenceAnywhereIsUnanswered() {
    Fixture f = simulated();
    f.nemesis("break", 0, 1, null); // servers cut apart: each still serves its clients
    f.nemesis("pause"); // no anti-entropy: clients are still served
    f.get(10, "k", null, "R", null, vv("R", 0));
    long silent = timeout(f, 11, "k");
    CheckResult result = checker.check(f.history());
    Expect.invalid(result, "unanswered", silent);
    assertEquals(2L, result.counts().get("ops-judged"));
    assertEquals(true, result.violations().get(0).explanation().contains("virtual time"));
  }

  /** A minimal script replayed alone on processes judges every silence, as the simulator. */
  @Test
  void aQuietReplayOnProcessesJudgesTheWholeRun() {
    Fixture f = new Fixture();
    f.event(NemesisEvent.of(NemesisEvent.QUIET_REPLAY, -1, -1, null, null));
    f.nemesis("joinServer", 0, -1, "R");
    f.nemesis("joinClient", 10, 0, null);
    f.nemesis("pause");
    long silent = timeout(f, 10, "k");
    long heal = f.event(NemesisEvent.of(NemesisEvent.HEAL_FAILED, -1, -1, null,
        "restore 0 1: sync on node 1: no answer within 5000 ms"));
    CheckResult result = checker.check(f.history());
    assertEquals(List.of("step-failed", "unanswered"), // steps as met, operations after
        result.violations().stream().map(Violation::kind).toList());
    assertEquals(List.of(heal), result.violations().get(0).eventIndices());
    assertEquals(List.of(silent), result.violations().get(1).eventIndices());
    assertEquals(true, result.violations().get(1).explanation().contains("short replay"));
  }

  @Test
  void inTheSimulatorDownServersCutClientsAndFaultsWhileRunningExcuseSilence() {
    Fixture f = simulated();
    f.nemesis("freezeServer", 1, -1, null);
    timeout(f, 11, "k");
    f.nemesis("thawServer", 1, -1, null);
    f.nemesis("killServer", 0, -1, null);
    timeout(f, 10, "k");
    f.nemesis("restartServer", 0, -1, "R");
    f.nemesis("break", 10, 0, null);
    timeout(f, 10, "k");
    f.invoke(11, "get", "k", null);
    f.nemesis("retireServer", 1, -1, S); // while the get ran
    f.complete(11, OpType.INFO, "get", "k", null, "timeout", null, null, null, null);
    validJudging(f, 0);
  }

  /** Where the network loses messages by design, every resend may be lost: nothing is judged. */
  @Test
  void aLossyNetworkExcusesSilenceAndFailedSteps() {
    Fixture f = simulated();
    f.event(NemesisEvent.of(NemesisEvent.LOSSY_NETWORK, -1, -1, null, "loses 0.3 of messages"));
    f.event(NemesisEvent.of(NemesisEvent.STEP_FAILED, -1, -1, null,
        "retireServer 1: hand-off unconfirmed"));
    timeout(f, 10, "k");
    stabilize(f);
    timeout(f, 10, "k");
    CheckResult result = checker.check(f.history());
    validJudging(f, 0);
    assertEquals(1L, result.counts().get("steps-failed"));
  }

  @Test
  void aHistoryWithoutStabilizeJudgesNothing() {
    Fixture f = joined();
    timeout(f, 11, "k");
    validJudging(f, 0);
  }
}

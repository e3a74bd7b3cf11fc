package bayou.checker;

/**
 * Eventual consistency after the final heal and stabilize: the final logs are identical and (with
 * the primary alive) fully committed, every acknowledged write is in them exactly once, no dropped
 * write took effect, every value read was written, and the final reads match a replay of the
 * final log. Reads are accounted even without final snapshots.
 */
final class ConvergenceChecker implements Checker {
  @Override
  public String name() {
    return "convergence";
  }

  @Override
  public CheckResult check(History history) {
    Findings findings = new Findings(name());
    WriteCatalog catalog = history.writeCatalog();
    ReadAccounting.check(history, catalog, findings);
    if (history.finalSnapshots().isEmpty()) {
      findings.missingData("the history holds no final snapshots after its last stabilizeEnd"
          + " (event " + history.lastStabilizeEnd() + "), so convergence cannot be checked");
      return findings.result();
    }
    FinalLogs logs = FinalLogs.check(history.finalSnapshots(), findings);
    WriteAccounting.check(logs, catalog, history.commitPrefix(), findings);
    FinalReads.check(history, logs, findings);
    return findings.result();
  }
}

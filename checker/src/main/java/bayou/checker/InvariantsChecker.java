package bayou.checker;

import bayou.history.NemesisEvent;

/**
 * The servers' own invariants held throughout the run. Nodes check their replica's invariants
 * after every batch of messages (CSNs dense, a commit received for a CSN already held equal to
 * the write held there, the vector covering every held write, the digest equal to a recount,
 * the tentative log in order) and report a violation to the master, which records it as an
 * {@code invariant} nemesis event. Any such event makes the run invalid: the server broke a
 * rule the protocol relies on, whatever the other checkers see.
 */
final class InvariantsChecker implements Checker {
  /** The nemesis event a reported violation is recorded as (RecordingCluster.INVARIANT). */
  static final String EVENT = "invariant";

  @Override
  public String name() {
    return "invariants";
  }

  @Override
  public CheckResult check(History history) {
    Findings findings = new Findings(name());
    for (NemesisEvent event : history.nemeses()) {
      if (EVENT.equals(event.f())) {
        findings.violation("invariant", "a server reported a broken invariant (event "
            + event.index() + "): " + event.detail(), event.index());
      }
    }
    return findings.result();
  }
}

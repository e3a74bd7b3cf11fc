package bayou.checker;

/**
 * The history itself is well formed: every completion pairs with an invocation of the same
 * process and function, a process has one operation outstanding at a time, and event indices are
 * distinct, and a write a server acknowledged carries its write id. A malformed history points at
 * the recorder (or the server), and the other checkers' pairing is then suspect.
 */
final class WellFormedChecker implements Checker {
  @Override
  public String name() {
    return "well-formed";
  }

  @Override
  public CheckResult check(History history) {
    Findings findings = new Findings(name());
    findings.set("events", history.size());
    findings.set("ops", history.ops().size());
    findings.set("snapshots", history.snapshots().size());
    long pending = history.ops().stream().filter(op -> op.completion() == null).count();
    findings.set("never-completed", pending);
    for (Violation malformed : history.malformations()) {
      findings.violation(malformed.kind(), malformed.explanation(),
          malformed.eventIndices().stream().mapToLong(Long::longValue).toArray());
    }
    checkWriteIds(history, findings);
    return findings.result();
  }

  /** Checkers find acknowledged writes in logs by id: one without an id escapes them all. */
  private static void checkWriteIds(History history, Findings findings) {
    for (Op op : history.ops()) {
      if (op.isWrite() && op.ok() && op.serverName() != null && op.writeId() == null) {
        findings.violation("ok-write-without-id", Describe.op(op) + " was acknowledged by"
            + " server " + op.serverName() + " without a write id, so no checker can find it"
            + " in a log.", op.index());
      }
    }
  }
}

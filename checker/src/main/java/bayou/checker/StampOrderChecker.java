package bayou.checker;

import bayou.history.HistoryEvent;
import bayou.history.OpEvent;
import bayou.history.OpType;
import java.util.Map;

/**
 * Causal order of accept-stamps, whatever the clocks do: a write accepted after its server saw
 * another write is ordered after it. The reply to an acknowledged put or delete carries the
 * accepting server's version vector as of the write, which covers every write the server had
 * seen; each of those stamps must be below the new write's. Under clock skew only a hybrid
 * clock (stamps past every stamp seen) keeps this; stamps from the raw clock break it.
 */
final class StampOrderChecker implements Checker {
  /** A vector entry for a retired server, not a stamp. */
  static final long RETIRED = Long.MAX_VALUE;

  @Override
  public String name() {
    return "stamp-order";
  }

  @Override
  public CheckResult check(History history) {
    Findings findings = new Findings(name());
    for (HistoryEvent event : history.events()) {
      if (!(event instanceof OpEvent op) || op.type() != OpType.OK || op.writeId() == null
          || op.vv() == null) {
        continue;
      }
      findings.count("writes-checked");
      long stamp = op.writeId().stamp();
      String acceptor = op.writeId().acceptor();
      for (Map.Entry<String, Long> seen : op.vv().entrySet()) {
        long before = seen.getValue();
        if (seen.getKey().equals(acceptor) || before == RETIRED || before < stamp) {
          continue;
        }
        findings.violation("stamp-before-seen-write", op.f() + " " + op.key()
            + " was accepted by server " + acceptor + " as write " + op.writeId()
            + " (event " + op.index() + ") after that server had seen a write of server "
            + seen.getKey() + " stamped " + before + " (its vector says so), yet its stamp "
            + stamp + " is not later: it is ordered before a write it followed.", op.index());
        break;
      }
    }
    return findings.result();
  }
}

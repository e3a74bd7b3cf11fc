package bayou.checker;

import bayou.history.NemesisEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Terry et al.'s four session guarantees, from the recorded metadata: at the serving server (read
 * your writes, monotonic reads, monotonic writes, writes follow reads, justified ERR_DEP and
 * dropped writes) and in
 * every later log order (a session's writes in session order, after what it had read).
 */
final class SessionChecker implements Checker {
  @Override
  public String name() {
    return "session";
  }

  @Override
  public CheckResult check(History history) {
    Findings findings = new Findings(name());
    Map<String, Long> retiredAt = new HashMap<>();
    for (NemesisEvent event : history.nemeses()) {
      if ("retireServer".equals(event.f()) && event.name() != null) {
        retiredAt.put(event.name(), event.index());
      }
    }
    for (List<Op> session : history.opsByProcess().values()) {
      SessionAtServer.check(session, retiredAt, findings);
    }
    findings.set("sessions", history.opsByProcess().size());
    SessionInLogs.check(history, findings);
    CheckResult result = findings.result();
    Long withoutVv = result.counts().get("ops-without-vv");
    if (withoutVv != null) {
      findings.missingData(withoutVv + " completed operations carry no version vector, so their"
          + " session guarantees cannot be checked");
      result = findings.result();
    }
    return result;
  }
}

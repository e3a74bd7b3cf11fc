package bayou.checker;

import bayou.history.HistoryEvent;
import bayou.history.LogEntry;
import bayou.history.NemesisEvent;
import bayou.history.OpEvent;
import bayou.history.OpType;
import bayou.history.SnapshotEvent;
import bayou.history.WriteId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a server's disk promises across a kill and a restart, checked on the log it recovered
 * (the {@code recovered} snapshot, taken before it hears from any peer): every write it
 * acknowledged to a client before the kill is in it, and its committed log continues the one
 * it showed before the kill (never shorter, never different) and agrees with the longest
 * committed order of the run. The session guarantees across restarts are the session
 * checker's: it reads every reply, before and after.
 */
final class DurabilityChecker implements Checker {
  static final String RECOVERED = "recovered";

  @Override
  public String name() {
    return "durability";
  }

  @Override
  public CheckResult check(History history) {
    Findings findings = new Findings(name());
    Map<String, Map<WriteId, OpEvent>> acked = new HashMap<>(); // acceptor -> its acked writes
    Map<Integer, String> names = new HashMap<>(); // master id -> Bayou name
    Map<Integer, SnapshotEvent> lastShown = new HashMap<>();
    Map<Integer, Long> killedAt = new HashMap<>();
    Map<Integer, SnapshotEvent> shownBeforeKill = new HashMap<>();
    Map<Integer, List<OpEvent>> ackedBeforeKill = new HashMap<>();
    List<LogEntry> longest = longestShown(history);
    for (HistoryEvent event : history.events()) {
      if (event instanceof OpEvent op && op.type() == OpType.OK && op.writeId() != null) {
        // only the acceptor answers a write: it acknowledged this one
        acked.computeIfAbsent(op.writeId().acceptor(), s -> new LinkedHashMap<>())
            .put(op.writeId(), op);
      } else if (event instanceof NemesisEvent nemesis) {
        count(nemesis.f(), findings);
        if (nemesis.name() != null && nemesis.a() >= 0) {
          names.put(nemesis.a(), nemesis.name());
        }
        if ("killServer".equals(nemesis.f())) {
          killedAt.put(nemesis.a(), nemesis.index());
          shownBeforeKill.put(nemesis.a(), lastShown.get(nemesis.a()));
          ackedBeforeKill.put(nemesis.a(), List.copyOf(acked.getOrDefault(
              names.get(nemesis.a()), Map.of()).values()));
        }
      } else if (event instanceof SnapshotEvent snapshot) {
        names.put(snapshot.server(), snapshot.serverName());
        if (RECOVERED.equals(snapshot.reason()) && killedAt.containsKey(snapshot.server())) {
          int server = snapshot.server();
          findings.count("recoveries-checked");
          checkAcked(snapshot, killedAt.remove(server), ackedBeforeKill.remove(server),
              findings);
          checkContinues(snapshot, shownBeforeKill.remove(server), longest, findings);
        } else {
          lastShown.put(snapshot.server(), snapshot);
        }
      }
    }
    return findings.result();
  }

  /**
   * The order the primary gave: the longest committed log of the primary's snapshots (of any
   * snapshot not taken at a recovery when the primary was never shown), so that a log that
   * committed on its own after a restart is never the yardstick.
   */
  private static List<LogEntry> longestShown(History history) {
    List<LogEntry> longest = List.of();
    List<LogEntry> longestAny = List.of();
    for (SnapshotEvent snapshot : history.snapshots()) {
      if (RECOVERED.equals(snapshot.reason())) {
        continue;
      }
      if (snapshot.primary() && snapshot.committed().size() > longest.size()) {
        longest = snapshot.committed();
      }
      if (snapshot.committed().size() > longestAny.size()) {
        longestAny = snapshot.committed();
      }
    }
    return longest.isEmpty() ? longestAny : longest;
  }

  private static void count(String f, Findings findings) {
    switch (f) {
      case "killServer" -> findings.count("kills");
      case "restartServer" -> findings.count("restarts");
      case "freezeServer" -> findings.count("freezes");
      case "skewClock" -> findings.count("clock-skews");
      default -> {
        // other faults are other checkers' business
      }
    }
  }

  /** Every write the server acknowledged before its kill came back from its disk. */
  private static void checkAcked(SnapshotEvent recovered, long killed, List<OpEvent> acked,
      Findings findings) {
    Set<WriteId> held = new HashSet<>();
    recovered.committed().forEach(entry -> held.add(entry.id()));
    recovered.tentative().forEach(entry -> held.add(entry.id()));
    for (OpEvent op : acked) {
      findings.count("acknowledged-writes-checked");
      if (!held.contains(op.writeId())) {
        findings.violation("acknowledged-write-lost", "Server " + recovered.serverName()
            + " acknowledged " + op.f() + " " + op.key() + (op.value() == null ? ""
            : "=" + op.value()) + " as write " + op.writeId() + " (event " + op.index()
            + ") before it was killed (event " + killed + "), but " + Describe.snapshot(recovered)
            + " does not hold it: the write was answered before it was on disk.",
            op.index(), killed, recovered.index());
      }
    }
  }

  /**
   * The recovered committed log continues the one shown before the kill (never shorter, never
   * different) and is a prefix of the run's longest committed order.
   */
  private static void checkContinues(SnapshotEvent recovered, SnapshotEvent before,
      List<LogEntry> longest, Findings findings) {
    List<LogEntry> now = recovered.committed();
    if (before != null) {
      List<LogEntry> then = before.committed();
      if (now.size() < then.size()) {
        findings.violation("committed-log-shrank", Describe.snapshot(recovered) + " has "
            + now.size() + " committed writes, fewer than the " + then.size() + " of "
            + Describe.snapshot(before) + " before the kill.", before.index(),
            recovered.index());
        return;
      }
      for (int i = 0; i < then.size(); i++) {
        if (!then.get(i).id().equals(now.get(i).id())) {
          findings.violation("committed-log-rewritten", Describe.snapshot(recovered)
              + " has " + Describe.entry(now.get(i)) + " at CSN " + (i + 1) + ", where "
              + Describe.snapshot(before) + " had " + Describe.entry(then.get(i)) + ".",
              before.index(), recovered.index());
          return;
        }
      }
    }
    for (int i = 0; i < now.size() && i < longest.size(); i++) {
      if (!longest.get(i).id().equals(now.get(i).id())) {
        findings.violation("recovered-commit-out-of-order", Describe.snapshot(recovered)
            + " has " + Describe.entry(now.get(i)) + " committed at CSN " + (i + 1)
            + ", but the primary's committed log has " + Describe.entry(longest.get(i))
            + " there: a restart committed what the primary had not.", recovered.index());
        return;
      }
    }
  }
}

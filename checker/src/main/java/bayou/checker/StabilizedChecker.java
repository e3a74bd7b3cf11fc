package bayou.checker;

import bayou.history.HistoryEvent;
import bayou.history.LogEntry;
import bayou.history.NemesisEvent;
import bayou.history.SnapshotEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a stabilize promises, checked in its snapshots: in the primary's connected group nothing
 * stays tentative (commit completeness), and every acknowledged retirement whose retiree's group
 * is still whole inside it is committed there with the retiree gone from every vector. After the
 * final heal, every acknowledged retirement has taken effect everywhere, and, with every server
 * up, one of them holds the primary role.
 */
final class StabilizedChecker implements Checker {
  @Override
  public String name() {
    return "stabilized";
  }

  @Override
  public CheckResult check(History history) {
    Findings findings = new Findings(name());
    Map<String, Integer> retirePositions = retirePositions(history);
    ServerGraph graph = new ServerGraph();
    Map<String, StabilizeRound.Pending> pending = new LinkedHashMap<>();
    Map<String, Long> acknowledged = new LinkedHashMap<>();
    List<SnapshotEvent> round = null;
    long rounds = 0;
    for (HistoryEvent event : history.events()) {
      if (event instanceof SnapshotEvent snapshot) {
        if (round != null && "stabilize".equals(snapshot.reason())) {
          round.add(snapshot);
        }
        continue;
      }
      if (round != null) {
        rounds += StabilizeRound.check(round, graph, pending, retirePositions, findings);
        round = null;
      }
      if (event instanceof NemesisEvent nemesis) {
        if ("retireServer".equals(nemesis.f()) && nemesis.name() != null) {
          Set<Integer> group = graph.component(nemesis.a());
          group.remove(nemesis.a());
          pending.put(nemesis.name(), new StabilizeRound.Pending(group, nemesis.index()));
          acknowledged.put(nemesis.name(), nemesis.index());
        }
        graph.follow(nemesis);
        if (History.STABILIZE_END.equals(nemesis.f()) && nemesis.detail() == null
            && !graph.paused()) {
          round = new ArrayList<>();
        }
      }
    }
    if (round != null) {
      rounds += StabilizeRound.check(round, graph, pending, retirePositions, findings);
    }
    findings.set("stabilizes-checked", rounds);
    findings.set("retirements-acknowledged", acknowledged.size());
    checkFinal(history, graph, acknowledged, retirePositions, findings);
    return findings.result();
  }

  /** Where each RETIRE stands in the longest committed order (its first), by retiree. */
  private static Map<String, Integer> retirePositions(History history) {
    Map<String, Integer> positions = new HashMap<>();
    List<LogEntry> log = history.snapshots().isEmpty() ? List.of()
        : history.commitPrefix().longestLog();
    for (int i = 0; i < log.size(); i++) {
      if (RetirementChecker.RETIRE.equals(log.get(i).op())) {
        positions.putIfAbsent(log.get(i).key(), i);
      }
    }
    return positions;
  }

  /** After the final heal (one group, running): every acknowledged retirement took effect. */
  private static void checkFinal(History history, ServerGraph graph,
      Map<String, Long> acknowledged, Map<String, Integer> retirePositions, Findings findings) {
    List<SnapshotEvent> finals = history.finalSnapshots();
    if (finals.isEmpty() || graph.paused() || !graph.whole()) {
      return;
    }
    SnapshotEvent primary = null;
    for (SnapshotEvent snapshot : finals) {
      primary = snapshot.primary() ? snapshot : primary;
    }
    if (primary == null && !graph.anyDown()) {
      // the role passes only by hand-off, and a server down keeps it on disk: with every
      // server up, a system without a primary has lost it, and commits nothing ever again
      findings.violation("no-primary", "After the final heal every server is up and reaches"
          + " every other, but none of the final snapshots (" + Describe.snapshot(finals.get(0))
          + (finals.size() > 1 ? " and " + (finals.size() - 1) + " more" : "")
          + ") claims the primary role.", finals.get(0).index());
    }
    for (Map.Entry<String, Long> retired : acknowledged.entrySet()) {
      String retiree = retired.getKey();
      Integer at = retirePositions.get(retiree);
      if (primary != null && (at == null || at >= primary.committed().size())) {
        findings.violation("retirement-not-committed", "The retirement of server " + retiree
            + " was acknowledged (event " + retired.getValue() + "), but after the final heal"
            + " the primary's log (" + Describe.snapshot(primary) + ") has no committed RETIRE("
            + retiree + ").", retired.getValue(), primary.index());
      }
      StabilizeRound.checkAbsent(retiree, retired.getValue(), finals, findings);
    }
  }
}

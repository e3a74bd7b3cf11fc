package bayou.checker;

import bayou.history.SnapshotEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The snapshots of one completed stabilize, judged in the primary's connected group. */
final class StabilizeRound {
  private StabilizeRound() {}

  /** An acknowledged retirement not yet judged: the servers its retiree reached, and when. */
  record Pending(Set<Integer> group, long event) {}

  /**
   * Checks one round; returns 1 when it was checked (it had a primary), else 0. Retirements
   * checked here are taken off {@code pending}.
   */
  static int check(List<SnapshotEvent> round, ServerGraph graph,
      Map<String, Pending> pending, Map<String, Integer> retirePositions,
      Findings findings) {
    SnapshotEvent primary = null;
    for (SnapshotEvent snapshot : round) {
      primary = snapshot.primary() ? snapshot : primary;
    }
    if (primary == null || !graph.isLive(primary.server())) {
      return 0;
    }
    Set<Integer> group = graph.component(primary.server());
    List<SnapshotEvent> members = new ArrayList<>();
    for (SnapshotEvent snapshot : round) {
      if (group.contains(snapshot.server())) {
        members.add(snapshot);
        checkCommitted(snapshot, primary, findings);
      }
    }
    Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Pending> retirement = it.next();
      Pending retired = retirement.getValue();
      if (!group.containsAll(retired.group())) {
        continue; // the heir may be cut off from the primary: only the final heal decides
      }
      it.remove();
      String retiree = retirement.getKey();
      Integer at = retirePositions.get(retiree);
      if (at == null || at >= primary.committed().size()) {
        findings.violation("retirement-not-committed", "Server " + retiree + " retired (event "
            + retired.event() + ") while it reached " + names(retired.group()) + ", all in the"
            + " primary's group at this stabilize, but " + Describe.snapshot(primary)
            + " has no committed RETIRE(" + retiree + ").", retired.event(), primary.index());
      }
      checkAbsent(retiree, retired.event(), members, findings);
    }
    return 1;
  }

  private static String names(Set<Integer> servers) {
    StringBuilder text = new StringBuilder();
    for (int server : servers) {
      text.append(text.length() == 0 ? "s" : ", s").append(server);
    }
    return servers.isEmpty() ? "no server" : text.toString();
  }

  private static void checkCommitted(SnapshotEvent member, SnapshotEvent primary,
      Findings findings) {
    if (member.tentative().isEmpty()) {
      return;
    }
    findings.violation("tentative-after-stabilize", "After a stabilize, "
        + Describe.snapshot(member) + " in the primary's group still holds "
        + member.tentative().size() + " tentative write(s), the first "
        + Describe.entry(member.tentative().get(0)) + "; " + Describe.snapshot(primary)
        + " holds " + primary.committed().size() + " committed.", member.index(),
        primary.index());
  }

  /** No vector of these snapshots lists the retiree. */
  static void checkAbsent(String retiree, long since, List<SnapshotEvent> snapshots,
      Findings findings) {
    for (SnapshotEvent snapshot : snapshots) {
      Long stamp = snapshot.vv().get(retiree);
      if (stamp != null && !retiree.equals(HistoryIndexer.serverKey(snapshot))) {
        findings.violation("retiree-still-listed", "Server " + retiree + " retired (by event "
            + since + "), yet the version vector of " + Describe.snapshot(snapshot) + " still"
            + " lists " + retiree + "=" + stamp + ".", since, snapshot.index());
        return;
      }
    }
  }
}

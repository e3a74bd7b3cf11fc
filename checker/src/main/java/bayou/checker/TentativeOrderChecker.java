package bayou.checker;

import bayou.history.LogEntry;
import bayou.history.SnapshotEvent;
import bayou.history.WriteId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every snapshot's tentative part is in strict (accept-stamp, acceptor name) order, carries no
 * CSN, and holds no write that is also committed; no write appears twice in a log.
 */
final class TentativeOrderChecker implements Checker {
  @Override
  public String name() {
    return "tentative-order";
  }

  @Override
  public CheckResult check(History history) {
    Findings findings = new Findings(name());
    List<SnapshotEvent> snapshots = findings.snapshotsOf(history);
    if (snapshots == null) {
      return findings.result();
    }
    CommitPrefix prefix = history.commitPrefix();
    // Committed prefixes of the longest sequence hold no duplicate if the longest holds none.
    reportDuplicate(prefix.longest(), prefix.duplicateInLongest(), findings);
    long tentative = 0;
    for (int i = 0; i < snapshots.size(); i++) {
      SnapshotEvent snapshot = snapshots.get(i);
      tentative += snapshot.tentative().size();
      if (!prefix.isPrefix(i)) {
        checkCommittedDuplicates(snapshot, findings);
      }
      checkTentative(snapshot, committedLookup(snapshot, prefix, i), findings);
    }
    findings.set("tentative-entries", tentative);
    return findings.result();
  }

  /** Where a write sits in a snapshot's committed part (0-based), or -1 when it is not there. */
  private interface CommittedLookup {
    int position(WriteId id);
  }

  private static CommittedLookup committedLookup(SnapshotEvent snapshot, CommitPrefix prefix,
      int i) {
    int size = snapshot.committed().size();
    if (snapshot.tentative().isEmpty()) {
      return id -> -1;
    }
    if (prefix.isPrefix(i)) {
      return id -> {
        int position = prefix.position(id);
        return position < size ? position : -1;
      };
    }
    Map<WriteId, Integer> local = new HashMap<>();
    for (int j = size - 1; j >= 0; j--) {
      local.put(snapshot.committed().get(j).id(), j);
    }
    return id -> local.getOrDefault(id, -1);
  }

  private static void checkCommittedDuplicates(SnapshotEvent snapshot, Findings findings) {
    Map<WriteId, Integer> first = new HashMap<>();
    List<LogEntry> committed = snapshot.committed();
    for (int i = 0; i < committed.size(); i++) {
      Integer earlier = first.putIfAbsent(committed.get(i).id(), i);
      if (earlier != null) {
        reportDuplicate(snapshot, new int[] {earlier, i}, findings);
        return;
      }
    }
  }

  /** Reports a committed write held at two positions, if positions is not null. */
  private static void reportDuplicate(SnapshotEvent snapshot, int[] positions,
      Findings findings) {
    if (positions != null) {
      findings.violation("duplicate-write", Describe.snapshot(snapshot) + " commits "
          + Describe.entry(snapshot.committed().get(positions[1])) + " twice, at CSN "
          + (positions[0] + 1) + " and CSN " + (positions[1] + 1) + ".", snapshot.index());
    }
  }

  private static void checkTentative(
      SnapshotEvent snapshot, CommittedLookup committed, Findings findings) {
    List<LogEntry> tentative = snapshot.tentative();
    Set<WriteId> seen = new HashSet<>();
    for (int i = 0; i < tentative.size(); i++) {
      LogEntry entry = tentative.get(i);
      String where = Describe.snapshot(snapshot) + " lists " + Describe.entry(entry);
      if (entry.committed()) {
        findings.violation("csn-in-tentative",
            where + " among its tentative writes with CSN " + entry.csn() + ".", snapshot.index());
      }
      int position = committed.position(entry.id());
      if (position >= 0) {
        findings.violation("committed-and-tentative", where + " as tentative although it is "
            + "committed at CSN " + (position + 1) + ".", snapshot.index());
      }
      if (!seen.add(entry.id())) {
        findings.violation("duplicate-write", where + " twice among its tentative writes.",
            snapshot.index());
      } else if (i > 0 && tentative.get(i - 1).id().compareTo(entry.id()) > 0) {
        findings.violation("tentative-order", where + " right after "
            + Describe.entry(tentative.get(i - 1)) + ", out of (accept-stamp, acceptor) order.",
            snapshot.index());
      }
    }
  }
}

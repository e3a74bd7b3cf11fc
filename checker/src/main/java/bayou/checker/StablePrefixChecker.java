package bayou.checker;

import bayou.history.LogEntry;
import bayou.history.SnapshotEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Committed writes are stable: every snapshot's committed sequence is a prefix of the longest
 * committed sequence seen anywhere, CSNs count 1, 2, ..., and each server's committed sequence only
 * grows by extension from one of its snapshots to the next.
 */
final class StablePrefixChecker implements Checker {
  @Override
  public String name() {
    return "stable-prefix";
  }

  @Override
  public CheckResult check(History history) {
    Findings findings = new Findings(name());
    List<SnapshotEvent> snapshots = findings.snapshotsOf(history);
    if (snapshots == null) {
      return findings.result();
    }
    CommitPrefix prefix = history.commitPrefix();
    findings.set("longest-committed", prefix.longestLog().size());
    Map<String, Integer> previousOfServer = new HashMap<>();
    for (int i = 0; i < snapshots.size(); i++) {
      checkPrefix(snapshots.get(i), prefix, i, findings);
      checkCsn(snapshots.get(i), prefix.csnMismatchAt(i), findings);
      Integer previous = previousOfServer.put(HistoryIndexer.serverKey(snapshots.get(i)), i);
      if (previous != null) {
        checkGrowth(snapshots, previous, i, prefix, findings);
      }
    }
    return findings.result();
  }

  private static void checkPrefix(
      SnapshotEvent snapshot, CommitPrefix prefix, int i, Findings findings) {
    int at = prefix.mismatchAt(i);
    if (at < 0) {
      return;
    }
    SnapshotEvent longest = prefix.longest();
    findings.violation("divergent-commit", Describe.snapshot(snapshot) + " committed "
        + Describe.entry(snapshot.committed().get(at)) + " at CSN " + (at + 1) + " where "
        + Describe.snapshot(longest) + ", the longest committed log (" + longest.committed().size()
        + " writes), committed " + Describe.entry(longest.committed().get(at)) + ".",
        snapshot.index(), longest.index());
  }

  private static void checkCsn(SnapshotEvent snapshot, int at, Findings findings) {
    if (at >= 0) {
      LogEntry entry = snapshot.committed().get(at);
      findings.violation("csn-mismatch", Describe.snapshot(snapshot) + " lists "
          + Describe.entry(entry) + " with CSN " + entry.csn() + " at committed position "
          + (at + 1) + ".", snapshot.index());
    }
  }

  /**
   * Consecutive snapshots of one server: the earlier committed sequence prefixes the later. When
   * both prefix the longest sequence, comparing lengths is enough.
   */
  private static void checkGrowth(List<SnapshotEvent> snapshots, int previous, int current,
      CommitPrefix prefix, Findings findings) {
    SnapshotEvent before = snapshots.get(previous);
    SnapshotEvent after = snapshots.get(current);
    int at;
    if (prefix.isPrefix(previous) && prefix.isPrefix(current)) {
      at = before.committed().size() > after.committed().size() ? after.committed().size() : -1;
    } else {
      at = CommitPrefix.firstMismatch(before.committed(), after.committed());
    }
    if (at < 0) {
      return;
    }
    if (at == after.committed().size()) {
      findings.violation("commit-shrunk", Describe.snapshot(after) + " has "
          + after.committed().size() + " committed writes, fewer than the "
          + before.committed().size() + " of " + Describe.snapshot(before) + ".",
          before.index(), after.index());
    } else {
      findings.violation("commit-rewritten", Describe.snapshot(after) + " committed "
          + Describe.entry(after.committed().get(at)) + " at CSN " + (at + 1) + " where "
          + Describe.snapshot(before) + " had committed "
          + Describe.entry(before.committed().get(at)) + ".", before.index(), after.index());
    }
  }
}

package bayou.checker;

import bayou.history.LogEntry;
import bayou.history.SnapshotEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The final snapshots after the last stabilize: all logs identical (same committed writes in the
 * same order, same tentative writes), nothing tentative when the primary is among them, and at
 * most one primary. Remembers which logs differ from the reference, so later steps replay and
 * account only the distinct logs.
 */
final class FinalLogs {
  private final List<SnapshotEvent> finals;
  private final SnapshotEvent reference;
  private final List<SnapshotEvent> differing = new ArrayList<>();

  private FinalLogs(List<SnapshotEvent> finals, SnapshotEvent reference) {
    this.finals = finals;
    this.reference = reference;
  }

  /** Compares the (non-empty) final snapshots; the primary's, if any, is the reference. */
  static FinalLogs check(List<SnapshotEvent> finals, Findings findings) {
    List<SnapshotEvent> primaries = new ArrayList<>();
    for (SnapshotEvent snapshot : finals) {
      if (snapshot.primary()) {
        primaries.add(snapshot);
      }
    }
    FinalLogs logs = new FinalLogs(finals, primaries.isEmpty() ? finals.get(0) : primaries.get(0));
    if (primaries.size() > 1) {
      findings.violation("multiple-primaries", Describe.snapshot(primaries.get(0)) + " and "
          + Describe.snapshot(primaries.get(1)) + " both claim to be the primary.",
          primaries.get(0).index(), primaries.get(1).index());
    }
    for (SnapshotEvent snapshot : finals) {
      if (snapshot != logs.reference && !logs.sameLog(snapshot, findings)) {
        logs.differing.add(snapshot);
      }
      if (!primaries.isEmpty() && !snapshot.tentative().isEmpty()) {
        reportTentative(snapshot, primaries.get(0), findings);
      }
    }
    findings.set("final-snapshots", finals.size());
    SnapshotEvent reference = logs.reference;
    findings.set("final-log", reference.committed().size() + reference.tentative().size());
    return logs;
  }

  private static void reportTentative(SnapshotEvent snapshot, SnapshotEvent primary,
      Findings findings) {
    String holds = Describe.snapshot(snapshot) + " still holds " + snapshot.tentative().size()
        + " tentative write(s), the first " + Describe.entry(snapshot.tentative().get(0));
    if (snapshot == primary) {
      findings.violation("tentative-after-stabilize", holds + ", although it is the primary.",
          snapshot.index());
    } else {
      findings.violation("tentative-after-stabilize", holds + ", although the primary is alive ("
          + Describe.snapshot(primary) + ").", snapshot.index(), primary.index());
    }
  }

  SnapshotEvent reference() {
    return reference;
  }

  /** The reference and every final log that differs from it. */
  List<SnapshotEvent> distinct() {
    List<SnapshotEvent> distinct = new ArrayList<>();
    distinct.add(reference);
    distinct.addAll(differing);
    return distinct;
  }

  /** The final snapshot of a server, or null when it has none. */
  SnapshotEvent ofServer(String serverName) {
    for (SnapshotEvent snapshot : finals) {
      if (HistoryIndexer.serverKey(snapshot).equals(serverName)) {
        return snapshot;
      }
    }
    return null;
  }

  /** The log to replay for a server's final state: its own if it differs, else the reference. */
  SnapshotEvent logFor(String serverName) {
    SnapshotEvent own = ofServer(serverName);
    return own != null && differing.contains(own) ? own : reference;
  }

  private boolean sameLog(SnapshotEvent snapshot, Findings findings) {
    String part = "committed";
    int at = firstDifference(snapshot.committed(), reference.committed());
    if (at < 0) {
      part = "tentative";
      at = firstDifference(snapshot.tentative(), reference.tentative());
    }
    if (at < 0) {
      return true;
    }
    findings.violation("divergent-final-logs", Describe.snapshot(snapshot) + " holds "
        + entryAt(snapshot, part, at) + " at " + part + " position " + (at + 1) + " where "
        + Describe.snapshot(reference) + " holds " + entryAt(reference, part, at) + ".",
        snapshot.index(), reference.index());
    return false;
  }

  private static int firstDifference(List<LogEntry> a, List<LogEntry> b) {
    int at = CommitPrefix.firstMismatch(a, b);
    return at >= 0 || a.size() == b.size() ? at : a.size();
  }

  private static String entryAt(SnapshotEvent snapshot, String part, int at) {
    List<LogEntry> log = part.equals("committed") ? snapshot.committed() : snapshot.tentative();
    return at < log.size() ? Describe.entry(log.get(at)) : "nothing (its log ends there)";
  }
}

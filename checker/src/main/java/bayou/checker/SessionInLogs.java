package bayou.checker;

import bayou.history.LogEntry;
import bayou.history.SnapshotEvent;
import bayou.history.WriteId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Monotonic writes and writes-follow-reads in every log order: in each snapshot, a session's
 * acknowledged write is preceded by the session's previous write and by every write the session
 * read since then (the earlier ones follow by transitivity). Committed parts that prefix the
 * longest committed sequence are checked once, in that sequence; then each snapshot costs only
 * its tentative part. A write's dense id is its position in the longest committed sequence (or a
 * number past its end), so walking that sequence needs no lookups and "committed in this
 * snapshot" is a comparison.
 */
final class SessionInLogs {
  /** An acknowledged write and what must precede it in every log that holds it. */
  private static final class Node {
    final Op write;
    final Node previous;
    final int previousId;
    final int[] readTargets;
    final Op[] reads;

    Node(Op write, Node previous, int previousId, int[] readTargets, Op[] reads) {
      this.write = write;
      this.previous = previous;
      this.previousId = previousId;
      this.readTargets = readTargets;
      this.reads = reads;
    }
  }

  /** A requirement that failed while walking a log: target must precede node. */
  private record Pending(Node node, int target, Op read) {}

  private static final int[] NO_TARGETS = new int[0];
  private static final Op[] NO_READS = new Op[0];

  private final CommitPrefix prefix;
  private final int longestSize;
  private final Map<WriteId, Integer> notInLongest = new HashMap<>();
  private final List<Node> nodes;
  private int[] seen;
  private int epoch;

  private SessionInLogs(CommitPrefix prefix) {
    this.prefix = prefix;
    this.longestSize = prefix.longestLog().size();
    this.nodes = new ArrayList<>(Collections.nCopies(longestSize, null));
  }

  static void check(History history, Findings findings) {
    if (history.snapshots().isEmpty()) {
      findings.missingData("the history holds no log snapshots, so the session order of writes"
          + " in the logs cannot be checked");
      return;
    }
    CommitPrefix prefix = history.commitPrefix();
    SessionInLogs checker = new SessionInLogs(prefix);
    history.opsByProcess().values().forEach(checker::addSession);
    checker.seen = new int[checker.nodes.size()];
    checker.walkLongest(prefix.longest(), findings);
    List<SnapshotEvent> snapshots = history.snapshots();
    for (int i = 0; i < snapshots.size(); i++) {
      SnapshotEvent snapshot = snapshots.get(i);
      if (prefix.isPrefix(i)) {
        checker.walk(List.of(), snapshot.tentative(), snapshot.committed().size(), snapshot,
            findings);
      } else {
        checker.walk(snapshot.committed(), snapshot.tentative(), 0, snapshot, findings);
      }
    }
    findings.set("log-ordered-writes", checker.nodes.stream().filter(n -> n != null).count());
  }

  private void addSession(List<Op> session) {
    Node previous = null;
    List<Op> reads = new ArrayList<>();
    for (Op op : session) {
      if (op.returnedRead() && op.readFrom() != null) {
        reads.add(op);
      } else if (op.isWrite() && op.ok() && op.writeId() != null) {
        int[] targets = reads.isEmpty() ? NO_TARGETS : new int[reads.size()];
        for (int i = 0; i < targets.length; i++) {
          targets[i] = denseOf(reads.get(i).readFrom());
        }
        int previousId = previous == null ? -1 : denseOf(previous.write.writeId());
        Node node = new Node(op, previous, previousId, targets,
            reads.isEmpty() ? NO_READS : reads.toArray(NO_READS));
        nodes.set(denseOf(op.writeId()), node);
        previous = node;
        reads.clear();
      }
    }
  }

  /** The dense id of a write, numbering it past the longest sequence if it is not there. */
  private int denseOf(WriteId id) {
    int position = prefix.position(id);
    if (position >= 0) {
      return position;
    }
    return notInLongest.computeIfAbsent(id, k -> {
      nodes.add(null);
      return nodes.size() - 1;
    });
  }

  /** The dense id of a logged write, or -1 when no session guarantee involves it. */
  private int lookup(WriteId id) {
    int position = prefix.position(id);
    return position >= 0 ? position : notInLongest.getOrDefault(id, -1);
  }

  /**
   * Walks the longest committed sequence once: position i holds dense id i. (A duplicate's
   * later copy is skipped here; the tentative-order checker reports duplicates.)
   */
  private void walkLongest(SnapshotEvent longest, Findings findings) {
    epoch++;
    List<Pending> pending = new ArrayList<>(0);
    for (int i = 0; i < longestSize; i++) {
      requirePredecessors(nodes.get(i), 0, pending);
      seen[i] = epoch;
    }
    reportAll(pending, 0, longest, findings);
  }

  /**
   * Walks two parts of a log (committed, tentative) in order, in a fresh epoch. Writes at
   * positions below committedBase of the longest sequence count as already seen: they are the
   * snapshot's committed prefix, checked in the longest sequence. (committedBase is 0 for a
   * snapshot that is not a prefix of the longest: all of it is walked.)
   */
  private void walk(List<LogEntry> first, List<LogEntry> second, int committedBase,
      SnapshotEvent snapshot, Findings findings) {
    epoch++;
    List<Pending> pending = new ArrayList<>(0);
    for (List<LogEntry> part : List.of(first, second)) {
      for (LogEntry entry : part) {
        int id = lookup(entry.id());
        if (id >= 0) {
          requirePredecessors(nodes.get(id), committedBase, pending);
          seen[id] = epoch;
        }
      }
    }
    reportAll(pending, committedBase, snapshot, findings);
  }

  private void reportAll(List<Pending> pending, int committedBase, SnapshotEvent snapshot,
      Findings findings) {
    for (Pending failure : pending) {
      report(failure, seen(failure.target(), committedBase), snapshot, findings);
    }
  }

  private void requirePredecessors(Node node, int committedBase, List<Pending> pending) {
    if (node == null) {
      return;
    }
    if (node.previousId >= 0 && !seen(node.previousId, committedBase)) {
      pending.add(new Pending(node, node.previousId, null));
    }
    for (int k = 0; k < node.readTargets.length; k++) {
      if (!seen(node.readTargets[k], committedBase)) {
        pending.add(new Pending(node, node.readTargets[k], node.reads[k]));
      }
    }
  }

  /** Seen in this walk, or in the snapshot's committed prefix (dense ids below its length). */
  private boolean seen(int id, int committedBase) {
    return seen[id] == epoch || id < committedBase;
  }

  private void report(Pending failure, boolean later, SnapshotEvent snapshot, Findings findings) {
    Op write = failure.node().write;
    String holds = Describe.snapshot(snapshot) + " holds " + Describe.write(write)
        + (later ? " before " : " but not ");
    if (failure.read() == null) {
      Op earlier = failure.node().previous.write;
      findings.violation("monotonic-writes-order", holds + "its earlier "
          + Describe.writeOnly(earlier) + " (monotonic writes).",
          earlier.index(), write.index(), snapshot.index());
    } else {
      Op read = failure.read();
      findings.violation("writes-follow-reads-order", holds + "write " + read.readFrom()
          + ", which the process's earlier " + Describe.readOnly(read)
          + " had returned (writes follow reads).", read.index(), write.index(), snapshot.index());
    }
  }
}

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
 * Accounts for the writes of the final logs: every acknowledged write is present exactly once and
 * as the client wrote it (else lost, duplicated or mismatched), and every other PUT or DELETE in a
 * final log belongs to a write whose outcome is unknown (a failed one is a dropped write that took
 * effect; one that no client asked for is unexplained). Failed writes have no write id, so they
 * are recognised by key and value.
 */
final class WriteAccounting {
  private final WriteCatalog catalog;
  private final CommitPrefix prefix;
  private final Findings findings;
  private final Set<WriteId> reported = new HashSet<>();

  private WriteAccounting(WriteCatalog catalog, CommitPrefix prefix, Findings findings) {
    this.catalog = catalog;
    this.prefix = prefix;
    this.findings = findings;
  }

  static void check(FinalLogs logs, WriteCatalog catalog, CommitPrefix prefix,
      Findings findings) {
    WriteAccounting accounting = new WriteAccounting(catalog, prefix, findings);
    for (SnapshotEvent log : logs.distinct()) {
      accounting.account(log);
    }
    findings.set("acknowledged-writes", catalog.acknowledged().size());
  }

  private void account(SnapshotEvent snapshot) {
    LogIndex present = new LogIndex(snapshot, prefix);
    for (List<LogEntry> part : List.of(snapshot.committed(), snapshot.tentative())) {
      for (LogEntry entry : part) {
        if (!catalog.acknowledged().containsKey(entry.id())) {
          accountUnacknowledged(entry, snapshot);
        }
      }
    }
    for (Map.Entry<WriteId, Op> ack : catalog.acknowledged().entrySet()) {
      if (!reported.contains(ack.getKey())) {
        checkAcknowledged(ack.getValue(), present.get(ack.getKey()), present.twice(), snapshot);
      }
    }
  }

  /**
   * Finds a write in one log, and knows which writes it holds twice. For a log whose committed
   * part prefixes the longest committed sequence (the usual final log) it reuses that sequence's
   * index instead of building one of a million entries.
   */
  private static final class LogIndex {
    private final List<LogEntry> committed;
    private final CommitPrefix prefix;
    private final boolean prefixOfLongest;
    private final Map<WriteId, LogEntry> others = new HashMap<>();
    private final Set<WriteId> twice = new HashSet<>();

    LogIndex(SnapshotEvent snapshot, CommitPrefix prefix) {
      this.committed = snapshot.committed();
      this.prefix = prefix;
      this.prefixOfLongest = CommitPrefix.firstMismatch(committed, prefix.longestLog()) < 0;
      if (prefixOfLongest) {
        for (int i = 0; i < committed.size(); i++) {
          if (prefix.position(committed.get(i).id()) != i) {
            twice.add(committed.get(i).id());
          }
        }
      } else {
        index(committed);
      }
      index(snapshot.tentative());
    }

    private void index(List<LogEntry> entries) {
      for (LogEntry entry : entries) {
        if (others.put(entry.id(), entry) != null || get(entry.id()) != entry) {
          twice.add(entry.id());
        }
      }
    }

    LogEntry get(WriteId id) {
      if (prefixOfLongest) {
        int position = prefix.position(id);
        if (position >= 0 && position < committed.size()) {
          return committed.get(position);
        }
      }
      return others.get(id);
    }

    Set<WriteId> twice() {
      return twice;
    }
  }

  private void checkAcknowledged(Op write, LogEntry entry, Set<WriteId> twice,
      SnapshotEvent snapshot) {
    String problem = null;
    String kind = null;
    if (entry == null) {
      kind = "lost";
      problem = " is missing from " + Describe.snapshot(snapshot) + " (lost).";
    } else if (twice.contains(write.writeId())) {
      kind = "duplicated";
      problem = " appears more than once in " + Describe.snapshot(snapshot) + ".";
    } else if (!matches(write, entry)) {
      kind = "mismatched-write";
      problem = " appears in " + Describe.snapshot(snapshot) + " as " + Describe.entry(entry)
          + ".";
    }
    if (kind != null) {
      reported.add(write.writeId());
      findings.violation(kind, Describe.write(write) + " was acknowledged but" + problem,
          write.index(), snapshot.index());
    }
  }

  private static boolean matches(Op write, LogEntry entry) {
    boolean sameOp = write.isPut() ? "PUT".equals(entry.op()) : "DELETE".equals(entry.op());
    return sameOp && write.key().equals(entry.key())
        && (!write.isPut() || write.putValue().equals(entry.value()));
  }

  /** A PUT or DELETE without an acknowledged write id: a write whose outcome was unknown. */
  private void accountUnacknowledged(LogEntry entry, SnapshotEvent snapshot) {
    List<Op> candidates;
    if ("PUT".equals(entry.op())) {
      candidates = catalog.puts(entry.key(), entry.value());
    } else if ("DELETE".equals(entry.op())) {
      candidates = catalog.deletes(entry.key());
    } else {
      return;
    }
    if (WriteCatalog.firstWhere(candidates, Op::indeterminate) != null) {
      findings.count("indeterminate-writes-present");
      return;
    }
    if (!reported.add(entry.id())) {
      return;
    }
    Op failed = WriteCatalog.firstWhere(candidates, Op::failed);
    if (failed != null) {
      findings.violation("dropped-write-present", Describe.snapshot(snapshot) + " holds "
          + Describe.entry(entry) + ", written only by " + Describe.op(failed)
          + ", which failed (" + failed.completion().error() + ").",
          failed.index(), snapshot.index());
    } else {
      findings.violation("unexplained-write", Describe.snapshot(snapshot) + " holds "
          + Describe.entry(entry) + ", which no client wrote (or whose write was acknowledged"
          + " under another id).", snapshot.index());
    }
  }
}

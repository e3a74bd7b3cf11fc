package bayou.checker;

import bayou.history.LogEntry;
import bayou.history.SnapshotEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reads made after the last stabilize return what a sequential replay of the serving server's
 * final log (committed, then tentative) gives for the key: the model. Keys written after the last
 * stabilize are skipped, since the final log may then hold writes the read could not see.
 */
final class FinalReads {
  private final Map<SnapshotEvent, Map<String, LogEntry>> replays = new IdentityHashMap<>();

  private FinalReads() {}

  static void check(History history, FinalLogs logs, Findings findings) {
    long after = history.lastStabilizeEnd();
    if (after < 0) {
      findings.set("final-reads", 0);
      return;
    }
    Set<String> writtenAfter = new HashSet<>();
    for (Op op : history.ops()) {
      if (op.isWrite() && op.invokeIndex() > after) {
        writtenAfter.add(op.key());
      }
    }
    FinalReads reads = new FinalReads();
    long checked = 0;
    for (Op op : history.ops()) {
      if (op.returnedRead() && op.invokeIndex() > after && !writtenAfter.contains(op.key())) {
        checked++;
        reads.checkRead(op, logs.logFor(op.serverName()), after, findings);
      }
    }
    findings.set("final-reads", checked);
  }

  private void checkRead(Op read, SnapshotEvent log, long after, Findings findings) {
    LogEntry model = replays.computeIfAbsent(log, FinalReads::replay).get(read.key());
    boolean absent = model == null || !"PUT".equals(model.op());
    boolean agrees = absent
        ? read.errKey()
        : !read.errKey() && model.value().equals(read.readValue());
    if (!agrees) {
      String expected = absent ? Op.ERR_KEY : model.value();
      findings.violation("final-read", Describe.read(read) + " after the last stabilize (event "
          + after + "), but replaying " + Describe.snapshot(log) + " gives " + read.key() + "="
          + expected + (model == null ? "" : " (" + Describe.entry(model) + ")") + ".",
          read.index(), log.index());
    }
  }

  /** Key to the last PUT or DELETE of it in log order: committed, then tentative. */
  static Map<String, LogEntry> replay(SnapshotEvent snapshot) {
    Map<String, LogEntry> db = new HashMap<>();
    for (List<LogEntry> part : List.of(snapshot.committed(), snapshot.tentative())) {
      for (LogEntry entry : part) {
        if ("PUT".equals(entry.op()) || "DELETE".equals(entry.op())) {
          db.put(entry.key(), entry);
        }
      }
    }
    return db;
  }
}

package bayou.checker;

import bayou.history.LogEntry;
import bayou.history.SnapshotEvent;
import bayou.history.WriteId;

/** Words for operations, writes and snapshots, so that every explanation reads the same way. */
final class Describe {
  private Describe() {}

  /** For example {@code process 3's put k=v (event 12)} or {@code ... get k (event 14)}. */
  static String op(Op op) {
    return "process " + op.process() + "'s " + what(op) + " (event " + op.index() + ")";
  }

  /** For example {@code process 3 read k=v (event 14) at server R}. */
  static String read(Op op) {
    String answer = op.errKey() ? Op.ERR_KEY : op.readValue();
    return "process " + op.process() + " read " + op.key() + "=" + answer + " (event "
        + op.index() + ")" + at(op);
  }

  /** For example {@code process 3's put k=v (event 12, write 10@R)}. */
  static String write(Op op) {
    WriteId id = op.writeId();
    return "process " + op.process() + "'s " + what(op) + " (event " + op.index()
        + (id == null ? "" : ", write " + id) + ")";
  }

  /** For example {@code put k=v (event 12, write 10@R)}: a write of a process already named. */
  static String writeOnly(Op op) {
    WriteId id = op.writeId();
    return what(op) + " (event " + op.index() + (id == null ? "" : ", write " + id) + ")";
  }

  /** For example {@code read of k=v (event 14) at server R}: a read of a process already named. */
  static String readOnly(Op op) {
    String answer = op.errKey() ? Op.ERR_KEY : op.readValue();
    return "read of " + op.key() + "=" + answer + " (event " + op.index() + ")" + at(op);
  }

  static String what(Op op) {
    if (op.isPut()) {
      return "put " + op.key() + "=" + op.putValue();
    }
    return op.f() + " " + op.key();
  }

  static String at(Op op) {
    return op.serverName() == null ? "" : " at server " + op.serverName();
  }

  /** For example {@code the stabilize snapshot of server R (event 40)}. */
  static String snapshot(SnapshotEvent snapshot) {
    return "the " + snapshot.reason() + " snapshot of server " + HistoryIndexer.serverKey(snapshot)
        + " (event " + snapshot.index() + ")";
  }

  /** For example {@code PUT k=v (10@R)}. */
  static String entry(LogEntry entry) {
    String value = entry.value() == null ? "" : "=" + entry.value();
    return entry.op() + " " + entry.key() + value + " (" + entry.id() + ")";
  }
}

package bayou.checker;

import bayou.history.HistoryEvent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of the black-box cross-check ({@link BlackBoxChecker}), over the operations in event
 * order. Each write gets a vector clock over sessions when it is invoked: its session's knowledge
 * then (its earlier writes, the clocks of the writes it read), so causal precedence is one array
 * lookup. Each session keeps, per key, the causally latest writes it wrote or read; a read that
 * returns a write preceding one of them is stale. Needs unique put values: a read of a value put
 * twice is skipped (counted), which can only hide violations, never invent one.
 */
final class CausalCrossCheck {
  /** Bound on vector-clock cells (writes x sessions) held at once, about 4 bytes each. */
  static final long CLOCK_CELLS_MAX = 64_000_000L;

  private final Map<WriteCatalog.KeyValue, CausalWrite> byValue = new HashMap<>();
  private CausalWrite[] byOp;
  private final Set<WriteCatalog.KeyValue> ambiguous = new HashSet<>();
  private final Set<String> deletedKeys = new HashSet<>();
  private final Map<Integer, Integer> owners = new HashMap<>();
  private int[][] knows;
  private int[] ownSeq;
  /** Per key, per session: one map of keys keeps the frontiers of all sessions close together. */
  private final Map<String, CausalFrontier[]> frontiers = new HashMap<>();
  private int nextOwner;
  private long reads;
  private final Findings findings;

  private CausalCrossCheck(Findings findings) {
    this.findings = findings;
  }

  static CheckResult check(History history, String checkerName) {
    return new CausalCrossCheck(new Findings(checkerName)).run(history);
  }

  private CheckResult run(History history) {
    long writes = catalog(history);
    int sessions = history.opsByProcess().size();
    if (writes * Math.max(1, sessions) > CLOCK_CELLS_MAX) {
      findings.missingData(writes + " writes x " + sessions + " sessions exceed the "
          + CLOCK_CELLS_MAX + " vector-clock cells this check may hold");
      return findings.result();
    }
    knows = new int[sessions][];
    ownSeq = new int[sessions];
    for (Integer process : history.opsByProcess().keySet()) {
      owners.put(process, nextOwner);
      knows[nextOwner++] = new int[sessions];
    }
    List<HistoryEvent> events = history.events();
    for (int position = 0; position < events.size(); position++) {
      int index = history.opIndexAt(position);
      if (index >= 0) {
        Op op = history.ops().get(index);
        step(op, byOp[index], events.get(position) == op.invoke());
      }
    }
    findings.set("reads", reads);
    findings.set("writes", writes);
    return findings.result();
  }

  /** Indexes puts by (key, value); returns how many writes may have taken effect. */
  private long catalog(History history) {
    long writes = 0;
    List<Op> ops = history.ops();
    byOp = new CausalWrite[ops.size()];
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      if (!op.isWrite() || op.failed()) {
        continue;
      }
      writes++;
      byOp[i] = new CausalWrite(op);
      if (op.isDelete()) {
        deletedKeys.add(op.key());
        continue;
      }
      WriteCatalog.KeyValue kv = new WriteCatalog.KeyValue(op.key(), op.putValue());
      if (byValue.putIfAbsent(kv, byOp[i]) != null) {
        ambiguous.add(kv);
      }
    }
    return writes;
  }

  private void step(Op op, CausalWrite write, boolean invoke) {
    if (invoke && write != null) {
      wrote(op, write);
    } else if (!invoke && op.returnedRead()) {
      reads++;
      if (op.errKey()) {
        readAbsent(op);
      } else {
        read(op);
      }
    }
  }

  private void wrote(Op op, CausalWrite write) {
    int session = owners.get(op.process());
    int[] past = knows[session];
    if (op.ok()) {
      write.owner = session;
      write.seq = ++ownSeq[session];
      past[session] = write.seq;
      write.clock = past.clone();
      frontier(session, op.key()).add(write, op);
    } else {
      // Unknown outcome: later writes of the session need not follow it, so it gets its own owner.
      write.owner = nextOwner++;
      write.seq = 1;
      write.clock = Arrays.copyOf(past, Math.max(past.length, write.owner + 1));
      write.clock[write.owner] = 1;
    }
  }

  private void read(Op op) {
    WriteCatalog.KeyValue kv = new WriteCatalog.KeyValue(op.key(), op.readValue());
    CausalWrite write = byValue.get(kv);
    if (write == null || ambiguous.contains(kv)) {
      findings.count(write == null ? "unmatched-reads" : "ambiguous-reads");
      return;
    }
    if (!write.invoked()) {
      findings.violation("future-read", Describe.read(op) + ", a value first put by "
          + Describe.op(write.op) + ", which was invoked only at event "
          + write.op.invokeIndex() + ".", op.index(), write.op.invokeIndex());
      return;
    }
    int session = owners.get(op.process());
    CausalFrontier frontier = frontier(session, op.key());
    CausalFrontier.Known newer = frontier.newerThan(write);
    if (newer != null) {
      String follows = newer.via().isGet() ? ", whose put causally follows that one"
          : ", which causally follows that put";
      findings.violation("stale-read", Describe.read(op) + ", written by " + Describe.op(write.op)
          + ", although it had already " + learned(newer) + follows + " (stale read).",
          newer.via().index(), op.index());
    }
    merge(session, write.clock);
    frontier.add(write, op);
  }

  /** ERR_KEY on a key that nobody ever deleted, after the session wrote or read a value of it. */
  private void readAbsent(Op op) {
    int session = owners.get(op.process());
    CausalFrontier frontier = frontier(session, op.key());
    if (!deletedKeys.contains(op.key()) && !frontier.isEmpty()) {
      CausalFrontier.Known known = frontier.any();
      findings.violation("stale-read", Describe.read(op) + " although it had already "
          + learned(known) + ", and no client ever deleted " + op.key() + ".",
          known.via().index(), op.index());
    }
  }

  private static String learned(CausalFrontier.Known known) {
    Op via = known.via();
    if (via.isPut()) {
      return "written " + via.key() + "=" + via.putValue() + " (event " + via.index() + ")";
    }
    if (via.isDelete()) {
      return "deleted " + via.key() + " (event " + via.index() + ")";
    }
    return "read " + via.key() + "=" + via.readValue() + " (event " + via.index() + ")";
  }

  private void merge(int session, int[] clock) {
    int[] past = knows[session];
    if (past.length < clock.length) {
      past = knows[session] = Arrays.copyOf(past, clock.length);
    }
    for (int i = 0; i < clock.length; i++) {
      past[i] = Math.max(past[i], clock[i]);
    }
  }

  /** The session's frontier for a key; a key's array grows only to the sessions that use it. */
  private CausalFrontier frontier(int session, String key) {
    CausalFrontier[] ofKey = frontiers.get(key);
    if (ofKey == null || ofKey.length <= session) {
      ofKey = ofKey == null ? new CausalFrontier[session + 1] : Arrays.copyOf(ofKey, session + 1);
      frontiers.put(key, ofKey);
    }
    if (ofKey[session] == null) {
      ofKey[session] = new CausalFrontier();
    }
    return ofKey[session];
  }
}

package bayou.checker;

import bayou.history.HistoryEvent;
import bayou.history.NemesisEvent;
import bayou.history.OpEvent;
import bayou.history.OpType;
import bayou.history.SnapshotEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Indexes a history once, in one pass over its events in index order: pairs each process's
 * invocation with its completion (a client has at most one operation outstanding), groups
 * snapshots and finds the final ones, and notes every defect of the history itself.
 */
final class HistoryIndexer {
  static final String MALFORMED = "malformed-history";

  final List<HistoryEvent> events;
  final List<Op> ops = new ArrayList<>();
  final int[] opOfEvent;
  final Map<Integer, List<Op>> opsByProcess = new LinkedHashMap<>();
  final List<SnapshotEvent> snapshots = new ArrayList<>();
  final Map<String, List<SnapshotEvent>> snapshotsByServer = new LinkedHashMap<>();
  final List<NemesisEvent> nemeses = new ArrayList<>();
  long lastStabilizeEnd = -1;
  List<SnapshotEvent> finalSnapshots;
  final List<Violation> malformations = new ArrayList<>();
  private final Map<Integer, Integer> outstanding = new HashMap<>();

  HistoryIndexer(List<HistoryEvent> ordered) {
    events = Collections.unmodifiableList(ordered);
    opOfEvent = new int[ordered.size()];
    for (int position = 0; position < ordered.size(); position++) {
      HistoryEvent event = ordered.get(position);
      opOfEvent[position] = -1;
      if (position > 0 && ordered.get(position - 1).index() == event.index()) {
        malformed("two events have index " + event.index(), event.index());
      }
      if (event instanceof OpEvent) {
        opOfEvent[position] = pair((OpEvent) event);
      } else if (event instanceof SnapshotEvent) {
        addSnapshot((SnapshotEvent) event);
      } else {
        addNemesis((NemesisEvent) event);
      }
    }
    groupByProcess();
    finalSnapshots = findFinalSnapshots();
  }

  /** The Bayou name of a snapshot's server, or its master id when the name was not recorded. */
  static String serverKey(SnapshotEvent snapshot) {
    return snapshot.serverName() != null ? snapshot.serverName() : "#" + snapshot.server();
  }

  /** Pairs an operation event; returns the position of its operation, or -1 if unpaired. */
  private int pair(OpEvent event) {
    int process = event.process();
    if (event.type() == OpType.INVOKE) {
      Integer open = outstanding.get(process);
      if (open != null) {
        malformed("process " + process + " invoked " + event.f() + " (event " + event.index()
            + ") while its " + ops.get(open).f() + " (event " + ops.get(open).invokeIndex()
            + ") was still outstanding", ops.get(open).invokeIndex(), event.index());
      }
      ops.add(new Op(event, null));
      outstanding.put(process, ops.size() - 1);
      return ops.size() - 1;
    }
    Integer open = outstanding.remove(process);
    if (open == null) {
      malformed("process " + process + "'s " + event.type().jepsenName() + " " + event.f()
          + " (event " + event.index() + ") completes no invocation", event.index());
      return -1;
    }
    OpEvent invoke = ops.get(open).invoke();
    if (!invoke.f().equals(event.f())) {
      malformed("process " + process + " invoked " + invoke.f() + " (event " + invoke.index()
          + ") but completed " + event.f() + " (event " + event.index() + ")",
          invoke.index(), event.index());
    }
    ops.set(open, new Op(invoke, event));
    return open;
  }

  private void addSnapshot(SnapshotEvent snapshot) {
    snapshots.add(snapshot);
    snapshotsByServer.computeIfAbsent(serverKey(snapshot), k -> new ArrayList<>()).add(snapshot);
  }

  private void addNemesis(NemesisEvent event) {
    nemeses.add(event);
    if (History.STABILIZE_END.equals(event.f())) {
      lastStabilizeEnd = event.index();
    }
  }

  private void groupByProcess() {
    for (Op op : ops) {
      opsByProcess.computeIfAbsent(op.process(), k -> new ArrayList<>()).add(op);
    }
  }

  /** The last final snapshot of each server after the last stabilizeEnd (the converged state). */
  private List<SnapshotEvent> findFinalSnapshots() {
    Map<String, SnapshotEvent> last = new LinkedHashMap<>();
    for (SnapshotEvent snapshot : snapshots) {
      if (History.FINAL.equals(snapshot.reason()) && snapshot.index() > lastStabilizeEnd) {
        last.remove(serverKey(snapshot));
        last.put(serverKey(snapshot), snapshot);
      }
    }
    return List.copyOf(last.values());
  }

  private void malformed(String explanation, long... indices) {
    List<Long> list = new ArrayList<>();
    for (long index : indices) {
      list.add(index);
    }
    malformations.add(new Violation(MALFORMED, explanation, list));
  }
}

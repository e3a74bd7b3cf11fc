package bayou.checker;

import bayou.history.HistoryEvent;
import bayou.history.NemesisEvent;
import bayou.history.SnapshotEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, indexed view of one run's history, built once and shared by every checker:
 * operations paired per process, snapshots grouped by server, the final snapshots and the
 * defects of the history itself (an unpaired completion, say).
 *
 * <p>Build it with {@link #of} from a list, or stream events into a {@link Builder}. Events may
 * arrive in any order; they are put in index order.
 */
public final class History {
  static final String STABILIZE_END = "stabilizeEnd";
  static final String FINAL = "final";

  private final List<HistoryEvent> events;
  private final List<Op> ops;
  private final int[] opOfEvent;
  private final Map<Integer, List<Op>> opsByProcess;
  private final List<SnapshotEvent> snapshots;
  private final Map<String, List<SnapshotEvent>> snapshotsByServer;
  private final List<NemesisEvent> nemeses;
  private final long lastStabilizeEnd;
  private final List<SnapshotEvent> finalSnapshots;
  private final List<Violation> malformations;
  private CommitPrefix commitPrefix;
  private WriteCatalog writeCatalog;

  History(HistoryIndexer index) {
    events = index.events;
    ops = index.ops;
    opOfEvent = index.opOfEvent;
    opsByProcess = index.opsByProcess;
    snapshots = index.snapshots;
    snapshotsByServer = index.snapshotsByServer;
    nemeses = index.nemeses;
    lastStabilizeEnd = index.lastStabilizeEnd;
    finalSnapshots = index.finalSnapshots;
    malformations = index.malformations;
  }

  /** The history of these events (in any order). */
  public static History of(List<? extends HistoryEvent> events) {
    Builder builder = builder();
    events.forEach(builder::add);
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The number of events. */
  public int size() {
    return events.size();
  }

  /** Every event, in index order. */
  public List<HistoryEvent> events() {
    return events;
  }

  /** Client operations, in invocation order. */
  List<Op> ops() {
    return ops;
  }

  /** The operation an event (by position in {@link #events()}) belongs to, or null. */
  Op opAt(int eventPosition) {
    int op = opOfEvent[eventPosition];
    return op < 0 ? null : ops.get(op);
  }

  /** The position in {@link #ops()} of an event's operation, or -1 when it has none. */
  int opIndexAt(int eventPosition) {
    return opOfEvent[eventPosition];
  }

  /** Each process's operations, in its (sequential) order. */
  Map<Integer, List<Op>> opsByProcess() {
    return opsByProcess;
  }

  List<SnapshotEvent> snapshots() {
    return snapshots;
  }

  /** Each server's snapshots in order, keyed by its Bayou name. */
  Map<String, List<SnapshotEvent>> snapshotsByServer() {
    return snapshotsByServer;
  }

  List<NemesisEvent> nemeses() {
    return nemeses;
  }

  /** The index of the last {@code stabilizeEnd} event, or -1 when there is none. */
  long lastStabilizeEnd() {
    return lastStabilizeEnd;
  }

  /** The last {@code final} snapshot of each server taken after the last stabilizeEnd. */
  List<SnapshotEvent> finalSnapshots() {
    return finalSnapshots;
  }

  /** What is wrong with the history itself (unpaired or overlapping operations). */
  List<Violation> malformations() {
    return malformations;
  }

  /** Every snapshot's committed sequence compared with the longest one, computed once. */
  synchronized CommitPrefix commitPrefix() {
    if (commitPrefix == null) {
      commitPrefix = CommitPrefix.of(snapshots);
    }
    return commitPrefix;
  }

  /** The history's writes by id and by value, computed once for the checkers that ask. */
  synchronized WriteCatalog writeCatalog() {
    if (writeCatalog == null) {
      writeCatalog = WriteCatalog.of(this);
    }
    return writeCatalog;
  }

  /** Collects events, in any order, and indexes them once at {@link #build()}. */
  public static final class Builder {
    private final List<HistoryEvent> events = new ArrayList<>();
    private long lastIndex = Long.MIN_VALUE;
    private boolean sorted = true;

    private Builder() {}

    public Builder add(HistoryEvent event) {
      Objects.requireNonNull(event, "event");
      sorted &= event.index() > lastIndex;
      lastIndex = Math.max(lastIndex, event.index());
      events.add(event);
      return this;
    }

    public History build() {
      List<HistoryEvent> ordered = new ArrayList<>(events);
      if (!sorted) {
        ordered.sort(Comparator.comparingLong(HistoryEvent::index));
      }
      return new History(new HistoryIndexer(ordered));
    }
  }
}

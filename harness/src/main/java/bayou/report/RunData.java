package bayou.report;

import bayou.history.HistoryEvent;
import bayou.history.HistoryReader;
import bayou.history.NemesisEvent;
import bayou.history.OpEvent;
import bayou.history.OpType;
import bayou.history.SnapshotEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the pictures of one run need, read once from its history: operations paired into spans,
 * fault intervals, snapshots and the run's length. A campaign feeds it from the same reading of
 * the queue that feeds its checkers.
 */
public final class RunData implements java.util.function.Consumer<HistoryEvent> {
  final List<Span> spans = new ArrayList<>();
  List<Fault> faults;
  final List<SnapshotEvent> snapshots = new ArrayList<>();
  final List<NemesisEvent> nemeses = new ArrayList<>();
  /** Every process (client) that invoked an operation, in ascending order. */
  List<Integer> processes;
  /** Event index of an operation's invocation or completion, to the span's position. */
  final Map<Long, Integer> spanOfEvent = new HashMap<>();
  long endNanos;

  private final Map<Integer, Integer> pendingSpan = new HashMap<>();
  private final TreeSet<Integer> seen = new TreeSet<>();

  private boolean finished;

  public RunData() {}

  /** Takes the next event of the history, in index order. */
  @Override
  public void accept(HistoryEvent event) {
    endNanos = Math.max(endNanos, event.timeNanos());
    if (event instanceof OpEvent op) {
      seen.add(op.process());
      if (op.type() == OpType.INVOKE) {
        pendingSpan.put(op.process(), spans.size());
        spanOfEvent.put(op.index(), spans.size());
        spans.add(new Span(op, null));
      } else if (pendingSpan.containsKey(op.process())) {
        int at = pendingSpan.remove(op.process());
        spans.set(at, new Span(spans.get(at).invoke(), op));
        spanOfEvent.put(op.index(), at);
      }
    } else if (event instanceof SnapshotEvent snapshot) {
      snapshots.add(snapshot);
    } else if (event instanceof NemesisEvent nemesis) {
      nemeses.add(nemesis);
    }
  }

  /** Indexes what was added: the processes in order, faults as intervals. */
  RunData finish() {
    if (finished) {
      return this;
    }
    finished = true;
    processes = List.copyOf(seen);
    long firstOp = spans.isEmpty() ? Long.MAX_VALUE : spans.get(0).startNanos();
    // the setup's joins build the cluster; they are not faults
    faults = Fault.intervals(nemeses, endNanos).stream()
        .filter(f -> !(f.kind().equals("join") && f.startNanos() < firstOp)).toList();
    return this;
  }

  /** Streams the history of runDir in, keeping only what the pictures need. */
  static RunData read(Path runDir) {
    RunData data = new RunData();
    HistoryReader.forEach(runDir, data);
    return data.finish();
  }

  /** The span that an event (an invocation or a completion) belongs to, or null. */
  Span spanOf(long eventIndex) {
    Integer at = spanOfEvent.get(eventIndex);
    return at == null ? null : spans.get(at);
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** One client operation from its invocation to its completion (null: never completed). */
  record Span(OpEvent invoke, OpEvent completion) {
    long startNanos() {
      return invoke.timeNanos();
    }

    /** The completion's time; an operation that never completed is drawn as instant. */
    long endNanos() {
      return completion == null ? invoke.timeNanos() : completion.timeNanos();
    }

    /** One of ok, fail, info, err-dep, dropped: what the timeline colours. */
    String outcome() {
      if (completion == null) {
        return "info";
      }
      String error = completion.error();
      if ("ERR_DEP".equals(error)) {
        return "err-dep";
      }
      if ("dropped".equals(error)) {
        return "dropped";
      }
      return completion.type() == OpType.INFO ? "info"
          : completion.type() == OpType.FAIL ? "fail" : "ok";
    }

    /** The operation in a few words: {@code put k=v}, {@code get k -> v}. */
    String describe() {
      String f = invoke.f();
      String key = invoke.key();
      if (f.equals("put")) {
        return "put " + key + "=" + invoke.value();
      }
      if (f.equals("get")) {
        String answer = completion == null ? "?" : completion.value() != null
            ? completion.value() : String.valueOf(completion.error());
        return "get " + key + " -> " + answer;
      }
      return f + " " + key;
    }
  }
}

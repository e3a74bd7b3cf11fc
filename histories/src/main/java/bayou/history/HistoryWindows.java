package bayou.history;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A history cut into windows of equal time: operations completed and queue bytes written in
 * each, so that a long run shows whether its throughput or its cost per operation drifts.
 */
final class HistoryWindows {
  private final long windowNanos;
  private final List<long[]> windows = new ArrayList<>(); // {ops, events, bytes, snapshot bytes}
  private long start = Long.MIN_VALUE;

  HistoryWindows(long windowSeconds) {
    if (windowSeconds <= 0) {
      throw new IllegalArgumentException("a window must be at least 1 s, got " + windowSeconds);
    }
    this.windowNanos = windowSeconds * 1_000_000_000L;
  }

  void add(HistoryEvent e, long bytes) {
    if (start == Long.MIN_VALUE) {
      start = e.timeNanos();
    }
    int index = (int) Math.max(0, (e.timeNanos() - start) / windowNanos);
    while (windows.size() <= index) {
      windows.add(new long[4]);
    }
    long[] w = windows.get(index);
    if (e instanceof OpEvent op && op.type() != OpType.INVOKE) {
      w[0]++;
    }
    w[1]++;
    w[2] += bytes;
    if (e instanceof SnapshotEvent) {
      w[3] += bytes;
    }
  }

  /** One row per window; the last one is usually partial (the final heal and snapshots). */
  void print(PrintStream out) {
    long seconds = windowNanos / 1_000_000_000L;
    out.println("windows of " + seconds + " s (ops: operations completed; bytes: what the "
        + "window's events take in the queue, snapshots: of which log snapshots)");
    out.printf("%8s %9s %9s %9s %13s %13s %9s%n", "from_s", "ops", "ops/s", "events", "bytes",
        "snapshots", "bytes/op");
    for (int i = 0; i < windows.size(); i++) {
      long[] w = windows.get(i);
      out.printf("%8d %9d %9.1f %9d %13d %13d %9s%n", i * seconds, w[0],
          (double) w[0] / seconds, w[1], w[2], w[3], w[0] == 0 ? "-" : Long.toString(w[2] / w[0]));
    }
  }
}

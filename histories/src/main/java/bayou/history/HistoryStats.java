package bayou.history;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Counts over one pass of a history, for {@link HistoryText#stats}. */
final class HistoryStats {
  private long events;
  private long firstTime = Long.MAX_VALUE;
  private long lastTime = Long.MIN_VALUE;
  private final Map<OpType, Long> byType = new EnumMap<>(OpType.class);
  /** f -> counts by type, so "put" shows its invokes, oks, fails and infos side by side. */
  private final Map<String, Map<OpType, Long>> byF = new TreeMap<>();
  private final Map<String, Long> errors = new TreeMap<>();
  private final TreeSet<Integer> clients = new TreeSet<>();
  /** Master id -> Bayou name (null until seen). */
  private final Map<Integer, String> servers = new TreeMap<>();
  private final TreeSet<String> unnumberedServers = new TreeSet<>();
  private final Map<String, Long> nemesisByF = new TreeMap<>();
  private final Map<String, Long> snapshotsByReason = new TreeMap<>();
  private long snapshots;
  private long nemesis;

  void add(HistoryEvent e) {
    events++;
    firstTime = Math.min(firstTime, e.timeNanos());
    lastTime = Math.max(lastTime, e.timeNanos());
    if (e instanceof OpEvent op) {
      addOp(op);
    } else if (e instanceof NemesisEvent n) {
      nemesis++;
      nemesisByF.merge(n.f(), 1L, Long::sum);
    } else {
      SnapshotEvent s = (SnapshotEvent) e;
      snapshots++;
      snapshotsByReason.merge(String.valueOf(s.reason()), 1L, Long::sum);
      server(s.server(), s.serverName());
    }
  }

  private void addOp(OpEvent op) {
    byType.merge(op.type(), 1L, Long::sum);
    byF.computeIfAbsent(op.f(), f -> new EnumMap<>(OpType.class)).merge(op.type(), 1L, Long::sum);
    if (op.error() != null) {
      errors.merge(op.error(), 1L, Long::sum);
    }
    clients.add(op.process());
    server(op.server(), op.serverName());
  }

  private void server(int id, String name) {
    if (id != -1) {
      String known = servers.get(id);
      servers.put(id, known != null ? known : name);
    } else if (name != null) {
      unnumberedServers.add(name);
    }
  }

  /** What each error of a completed operation means; {@code dropped} puzzles newcomers. */
  static final String ERRORS_LEGEND = "  (ERR_KEY: no such key; ERR_DEP: a read refused because "
      + "the server lacks writes the session depends on; dropped: a write the server refused for"
      + " the same reason (monotonic writes, writes follow reads) or because it was retiring or "
      + "gone, nothing applied, the course master prints nothing; timeout: no reply in time, "
      + "outcome unknown; no-server: the client had no server)";

  void print(PrintStream out) {
    long invoked = count(byType, OpType.INVOKE);
    long ok = count(byType, OpType.OK);
    long fail = count(byType, OpType.FAIL);
    long info = count(byType, OpType.INFO);
    long completed = ok + fail + info;
    out.println("events      " + events);
    out.println("duration    " + (events == 0 ? "0.000" : TextLines.millis(lastTime - firstTime))
        + " ms");
    out.println("by type     invoke=" + invoked + " ok=" + ok + " fail=" + fail + " info=" + info
        + " nemesis=" + nemesis + " snapshot=" + snapshots);
    out.println("operations  " + invoked + " invoked, " + completed + " completed, "
        + Math.max(0, invoked - completed) + " pending");
    for (Map.Entry<String, Map<OpType, Long>> f : byF.entrySet()) {
      StringBuilder b = new StringBuilder("  f " + f.getKey() + ":");
      for (OpType t : OpType.values()) {
        b.append(' ').append(t.jepsenName()).append('=').append(count(f.getValue(), t));
      }
      out.println(b);
    }
    out.println("errors      " + counts(errors));
    if (!errors.isEmpty()) {
      out.println(ERRORS_LEGEND);
    }
    out.println("clients     " + clients.size() + (clients.isEmpty() ? "" : " " + clients));
    out.println("servers     " + (servers.size() + unnumberedServers.size()) + serverList());
    out.println("snapshots   " + snapshots + byKind(snapshots, snapshotsByReason));
    out.println("nemesis     " + nemesis + byKind(nemesis, nemesisByF));
  }

  private String serverList() {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<Integer, String> s : servers.entrySet()) {
      b.append(' ').append(TextLines.server(s.getKey(), null));
      if (s.getValue() != null) {
        b.append('(').append(s.getValue()).append(')');
      }
    }
    for (String name : unnumberedServers) {
      b.append(' ').append(name);
    }
    return b.toString();
  }

  private static <K> long count(Map<K, Long> counts, K key) {
    return counts.getOrDefault(key, 0L);
  }

  private static String byKind(long total, Map<String, Long> counts) {
    return total == 0 ? "" : " " + counts(counts);
  }

  private static String counts(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(e.getKey()).append('=').append(e.getValue());
    }
    return b.toString();
  }
}

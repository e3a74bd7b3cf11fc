package bayou.history;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Events for tests: hand-picked edge cases, and a deterministic stream of realistic ones. */
final class TestEvents {
  private TestEvents() {}

  /** Every kind, with nulls, empty and full maps, odd strings and extreme numbers. */
  static List<HistoryEvent> edgeCases() {
    Map<String, Long> vv = new LinkedHashMap<>();
    vv.put("0", 12L);
    vv.put("<3,0>", Long.MAX_VALUE);
    vv.put("<5,<3,0>>", 0L);
    vv.put("neg", -7L);
    Map<String, Long> hashed = new HashMap<>(vv);
    return List.of(
        OpEvent.invoke(0, "get", "song", null),
        OpEvent.invoke(-3, "put", "", ""),
        new OpEvent(-1, -1, OpType.INVOKE, 1, "put", null, null, null, -1, null, null, null,
            null, null, null),
        new OpEvent(-1, -1, OpType.OK, 7, "put", "Björk – Jóga ☃", "http://x/日本語", null, 2,
            "<3,0>", vv, new WriteId(42, "<3,0>"), null, hashed, Map.of()),
        new OpEvent(-1, -1, OpType.OK, 7, "get", "k", null, "ERR_KEY", 0, "0", Map.of(), null,
            new WriteId(Long.MIN_VALUE, "0"), Map.of("0", 1L), null),
        new OpEvent(-1, -1, OpType.FAIL, Integer.MAX_VALUE, "delete", "k", null, "dropped",
            Integer.MAX_VALUE, null, null, null, null, null, null),
        new OpEvent(-1, -1, OpType.INFO, 2, "get", "k", "v", "timeout", -1, null, null, null, null,
            null, null),
        NemesisEvent.of("break", 1, 2, null, null),
        NemesisEvent.of("joinServer", 3, -1, "<9,0>", "joined\nafter 2 tries"),
        NemesisEvent.of("runEnd", -1, -1, null, ""),
        new SnapshotEvent(-1, -1, 0, "0", "final", true,
            List.of(new LogEntry(new WriteId(1, "0"), 1, "CREATE", "<3,0>", null),
                new LogEntry(new WriteId(2, "<3,0>"), 2, "PUT", "song", "http://a")),
            List.of(new LogEntry(new WriteId(3, "<3,0>"), -1, "DELETE", "song", null)),
            vv),
        new SnapshotEvent(-1, -1, -1, null, null, false, List.of(), List.of(), Map.of()));
  }

  /**
   * The i-th event of a deterministic stream mixing all kinds, not yet recorded. Writers in
   * other processes and the checks on what they wrote agree through this.
   */
  static HistoryEvent event(int i) {
    if (i % 50 == 49) {
      return new SnapshotEvent(-1, -1, i % 5, "s" + (i % 5), "stabilize", i % 5 == 0,
          List.of(new LogEntry(new WriteId(i, "s0"), i, "PUT", "song-" + (i % 7), "u" + i)),
          List.of(new LogEntry(new WriteId(i + 1, "s1"), -1, "DELETE", "song-1", null)),
          vector(i));
    }
    if (i % 10 == 9) {
      return NemesisEvent.of(i % 20 == 9 ? "break" : "restore", i % 5, (i + 1) % 5, null,
          "step " + i);
    }
    int process = i % 8;
    String key = "song-" + (i % 13);
    if (i % 2 == 0) {
      return OpEvent.invoke(process, "put", key, "http://m/" + i);
    }
    return new OpEvent(-1, -1, OpType.OK, process, "put", key, "http://m/" + (i - 1), null,
        i % 5, "s" + (i % 5), vector(i), new WriteId(i, "s" + (i % 5)), null, vector(i / 2),
        vector(i / 3));
  }

  /** event(i) as it must read back at index i, taking the time it was recorded with. */
  static HistoryEvent expected(int i, long timeNanos) {
    HistoryEvent e = event(i);
    if (e instanceof OpEvent op) {
      return op.at(i, timeNanos);
    }
    if (e instanceof NemesisEvent n) {
      return n.at(i, timeNanos);
    }
    return ((SnapshotEvent) e).at(i, timeNanos);
  }

  static HistoryEvent record(HistorySink sink, HistoryEvent e) {
    if (e instanceof OpEvent op) {
      return sink.record(op);
    }
    if (e instanceof NemesisEvent n) {
      return sink.record(n);
    }
    return sink.record((SnapshotEvent) e);
  }

  private static Map<String, Long> vector(int i) {
    Map<String, Long> vv = new LinkedHashMap<>();
    for (int s = 0; s < 5; s++) {
      vv.put("s" + s, (long) i + s);
    }
    return vv;
  }
}

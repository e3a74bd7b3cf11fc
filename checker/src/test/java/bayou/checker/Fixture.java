package bayou.checker;

import bayou.history.HistoryEvent;
import bayou.history.LogEntry;
import bayou.history.NemesisEvent;
import bayou.history.OpEvent;
import bayou.history.OpType;
import bayou.history.SnapshotEvent;
import bayou.history.WriteId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Short literal histories for checker tests. Events get indices 0, 1, 2, ... in the order they
 * are added. Each operation method adds an invocation and its completion and returns the
 * completion's index; clients keep their read and write sets like a correct Bayou client (merge
 * the server's vector after an ok read or write), unless a test sets them.
 */
final class Fixture {
  private final List<HistoryEvent> events = new ArrayList<>();
  private final Map<Integer, Map<String, Long>> readSets = new HashMap<>();
  private final Map<Integer, Map<String, Long>> writeSets = new HashMap<>();
  private final Map<Integer, Long> floors = new HashMap<>();

  static WriteId id(long stamp, String acceptor) {
    return new WriteId(stamp, acceptor);
  }

  /** A vector from pairs: vv("R", 10, "<5,R>", 3). */
  static Map<String, Long> vv(Object... pairs) {
    Map<String, Long> v = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      v.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
    }
    return v;
  }

  /** A committed PUT. */
  static LogEntry c(long csn, long stamp, String acceptor, String key, String value) {
    return new LogEntry(id(stamp, acceptor), csn, "PUT", key, value);
  }

  /** A tentative PUT. */
  static LogEntry t(long stamp, String acceptor, String key, String value) {
    return new LogEntry(id(stamp, acceptor), -1, "PUT", key, value);
  }

  static LogEntry entry(long csn, long stamp, String acceptor, String op, String key) {
    return new LogEntry(id(stamp, acceptor), csn, op, key, null);
  }

  long put(int process, String key, String value, String server, WriteId id,
      Map<String, Long> vv) {
    invoke(process, "put", key, value);
    return complete(process, OpType.OK, "put", key, value, null, server, vv, id, null);
  }

  long delete(int process, String key, String server, WriteId id, Map<String, Long> vv) {
    invoke(process, "delete", key, null);
    return complete(process, OpType.OK, "delete", key, null, null, server, vv, id, null);
  }

  /** An ok get: value null means ERR_KEY. */
  long get(int process, String key, String value, String server, WriteId readFrom,
      Map<String, Long> vv) {
    invoke(process, "get", key, null);
    return complete(process, OpType.OK, "get", key, value, value == null ? "ERR_KEY" : null,
        server, vv, null, readFrom);
  }

  /** An ok get that carries its server's commit count: value null means ERR_KEY. */
  long getAt(int process, String key, String value, String server, long commits,
      Map<String, Long> vv) {
    invoke(process, "get", key, null);
    merge(readSets, process, vv);
    return add(new OpEvent(-1, -1, OpType.OK, process, "get", key, value,
        value == null ? "ERR_KEY" : null, -1, server, vv, null, null,
        Map.copyOf(readSets.get(process)), Map.copyOf(writeSets.getOrDefault(process, Map.of())),
        commits));
  }

  long errDep(int process, String key, String server, Map<String, Long> vv) {
    invoke(process, "get", key, null);
    return complete(process, OpType.FAIL, "get", key, null, "ERR_DEP", server, vv, null, null);
  }

  /** An ERR_DEP from a server that had committed {@code commits} writes. */
  long errDep(int process, String key, String server, Map<String, Long> vv, long commits) {
    invoke(process, "get", key, null);
    return add(completion(process, OpType.FAIL, "get", key, null, "ERR_DEP", server, vv, null,
        null, commits));
  }

  long putFailed(int process, String key, String value) {
    invoke(process, "put", key, value);
    return complete(process, OpType.FAIL, "put", key, value, "dropped", null, null, null, null);
  }

  /** A put its server dropped, answering with its version vector and commit count. */
  long putDropped(int process, String key, String value, String server, Map<String, Long> vv,
      long commits) {
    invoke(process, "put", key, value);
    return add(completion(process, OpType.FAIL, "put", key, value, "dropped", server, vv, null,
        null, commits));
  }

  long putInfo(int process, String key, String value) {
    invoke(process, "put", key, value);
    return complete(process, OpType.INFO, "put", key, value, "timeout", null, null, null, null);
  }

  long invoke(int process, String f, String key, String value) {
    return add(OpEvent.invoke(process, f, key, value));
  }

  /** A completion; sets are merged like a correct client's unless it is not ok. */
  long complete(int process, OpType type, String f, String key, String value, String error,
      String server, Map<String, Long> vv, WriteId writeId, WriteId readFrom) {
    if (type == OpType.OK && vv != null) {
      merge(f.equals("get") ? readSets : writeSets, process, vv);
    }
    return add(completion(process, type, f, key, value, error, server, vv, writeId, readFrom,
        null));
  }

  private OpEvent completion(int process, OpType type, String f, String key, String value,
      String error, String server, Map<String, Long> vv, WriteId writeId, WriteId readFrom,
      Long commits) {
    Map<String, Long> readSet = Map.copyOf(readSets.getOrDefault(process, Map.of()));
    Map<String, Long> writeSet = Map.copyOf(writeSets.getOrDefault(process, Map.of()));
    return new OpEvent(-1, -1, type, process, f, key, value, error, -1, server, vv, writeId,
        readFrom, readSet, writeSet, commits, floors.get(process));
  }

  /** From the next completion on, the client's sessions need this many commits. */
  void sessionFloor(int process, long floor) {
    floors.put(process, floor);
  }

  /** Overrides a client's session vectors (as recorded on its next completion). */
  void sessionSets(int process, Map<String, Long> readSet, Map<String, Long> writeSet) {
    readSets.put(process, new HashMap<>(readSet));
    writeSets.put(process, new HashMap<>(writeSet));
  }

  long snapshot(String server, String reason, boolean primary, List<LogEntry> committed,
      List<LogEntry> tentative, Map<String, Long> vv) {
    return add(new SnapshotEvent(-1, -1, -1, server, reason, primary, committed, tentative, vv));
  }

  /** A snapshot of the server with this master id. */
  long snapshotOf(int id, String server, String reason, boolean primary,
      List<LogEntry> committed, List<LogEntry> tentative, Map<String, Long> vv) {
    return add(new SnapshotEvent(-1, -1, id, server, reason, primary, committed, tentative, vv));
  }

  /** A nemesis step on master ids a and b (-1 when unused). */
  long nemesis(String f, int a, int b, String name) {
    return add(NemesisEvent.of(f, a, b, name, null));
  }

  long nemesis(String f) {
    return add(NemesisEvent.of(f, -1, -1, null, null));
  }

  long nemesis(String f, String name) {
    return add(NemesisEvent.of(f, -1, -1, name, null));
  }

  /** Any event, as recorded (indices are set here). */
  long event(HistoryEvent event) {
    return add(event);
  }

  History history() {
    return History.of(events);
  }

  List<HistoryEvent> events() {
    return events;
  }

  private long add(HistoryEvent event) {
    long index = events.size();
    HistoryEvent placed;
    if (event instanceof OpEvent) {
      placed = ((OpEvent) event).at(index, index * 1000);
    } else if (event instanceof SnapshotEvent) {
      placed = ((SnapshotEvent) event).at(index, index * 1000);
    } else {
      placed = ((NemesisEvent) event).at(index, index * 1000);
    }
    events.add(placed);
    return index;
  }

  private static void merge(Map<Integer, Map<String, Long>> sets, int process,
      Map<String, Long> vv) {
    Map<String, Long> set = sets.computeIfAbsent(process, k -> new HashMap<>());
    vv.forEach((name, stamp) -> set.merge(name, stamp, Math::max));
  }
}

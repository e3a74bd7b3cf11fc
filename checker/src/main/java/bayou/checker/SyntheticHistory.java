package bayou.checker;

import bayou.history.HistoryEvent;
import bayou.history.LogEntry;
import bayou.history.NemesisEvent;
import bayou.history.OpEvent;
import bayou.history.OpType;
import bayou.history.SnapshotEvent;
import bayou.history.WriteId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded simulation of a small, correct Bayou system that records its history: servers accept
 * writes under the session guarantees, exchange with the primary at random, clients move between
 * servers, and the run stabilizes periodically and at the end. Its histories are valid by
 * construction, so the checkers must call them valid: the benchmark's workload and a test.
 */
final class SyntheticHistory {
  /** Chance per operation that a random server exchanges with the primary. */
  static final double SYNC_PER_OP = 0.05;
  /** Chance per operation that the client moves to another server. */
  static final double MOVE_PER_OP = 0.002;
  static final int STABILIZE_ROUNDS = 10;
  static final int PRINT_LOGS = 20;
  static final int FINAL_READS = 100;
  static final int CLOCK_STEP_MICROS_MAX = 20;

  /** One client: its server and session vectors. */
  private static final class Session {
    final int process;
    int server;
    Map<String, Long> readSet = Map.of();
    Map<String, Long> writeSet = Map.of();

    Session(int process, int server) {
      this.process = process;
      this.server = server;
    }
  }

  private final Random random;
  private final int keys;
  private final List<HistoryEvent> events = new ArrayList<>();
  private final List<LogEntry> committed = new ArrayList<>();
  private final SimServer[] servers;
  private final Session[] sessions;
  private long nowMicros = 1_732_550_000_000_000L;
  private long values;

  private SyntheticHistory(long seed, int serverCount, int sessionCount, int keys) {
    this.random = new Random(seed);
    this.keys = keys;
    this.servers = new SimServer[serverCount];
    this.sessions = new Session[sessionCount];
  }

  /** The events of a run of ops client operations (plus final reads), all valid. */
  static List<HistoryEvent> generate(int ops, long seed, int servers, int sessions, int keys) {
    SyntheticHistory run = new SyntheticHistory(seed, servers, sessions, keys);
    run.run(ops);
    return run.events;
  }

  private void run(int ops) {
    createServers();
    for (int j = 0; j < sessions.length; j++) {
      sessions[j] = new Session(j, j % servers.length);
      record(NemesisEvent.of("joinClient", j, j % servers.length, null, null));
    }
    int stabilizeEvery = Math.max(1, ops / STABILIZE_ROUNDS);
    int printEvery = Math.max(1, ops / PRINT_LOGS);
    for (int i = 1; i <= ops; i++) {
      step();
      if (i % printEvery == 0) {
        snapshot(servers[random.nextInt(servers.length)], "printLog");
      }
      if (i % stabilizeEvery == 0 && i < ops) {
        stabilize("stabilize");
      }
    }
    stabilize("stabilize");
    for (int i = 0; i < FINAL_READS; i++) {
      get(sessions[random.nextInt(sessions.length)], "k" + random.nextInt(keys));
    }
    for (SimServer server : servers) {
      snapshot(server, History.FINAL);
    }
    record(NemesisEvent.of("runEnd", -1, -1, null, null));
  }

  private void createServers() {
    SimServer primary = new SimServer(0, Vectors.ROOT);
    servers[0] = primary;
    record(NemesisEvent.of("joinServer", 0, -1, primary.name, null));
    for (int i = 1; i < servers.length; i++) {
      nowMicros++;
      long stamp = primary.nextStamp(nowMicros);
      String name = "<" + stamp + "," + primary.name + ">";
      commit(new LogEntry(new WriteId(stamp, primary.name), committed.size() + 1, "CREATE", name,
          null));
      servers[i] = new SimServer(i, name);
      servers[i].learnCommitted(committed);
      record(NemesisEvent.of("joinServer", i, -1, name, null));
    }
  }

  private void step() {
    nowMicros += 1 + random.nextInt(CLOCK_STEP_MICROS_MAX);
    if (random.nextDouble() < SYNC_PER_OP) {
      SimServer server = servers[1 + random.nextInt(servers.length - 1)];
      push(server);
      server.learnCommitted(committed);
    }
    Session session = sessions[random.nextInt(sessions.length)];
    if (random.nextDouble() < MOVE_PER_OP) {
      session.server = random.nextInt(servers.length);
      record(NemesisEvent.of("moveClient", session.process, session.server, null, null));
    }
    double kind = random.nextDouble();
    String key = "k" + random.nextInt(keys);
    if (kind < 0.5) {
      get(session, key);
    } else {
      write(session, kind < 0.9 ? "put" : "delete", key);
    }
  }

  private void get(Session session, String key) {
    SimServer server = servers[session.server];
    record(OpEvent.invoke(session.process, "get", key, null));
    Map<String, Long> vv = server.vv();
    if (!covers(vv, session)) {
      complete(session, OpType.FAIL, "get", key, null, Op.ERR_DEP, server, null, null);
      return;
    }
    LogEntry entry = server.lookup(key);
    boolean present = entry != null && "PUT".equals(entry.op());
    // The server covers the read set, so merging its vector into the read set gives the vector.
    session.readSet = vv;
    complete(session, OpType.OK, "get", key, present ? entry.value() : null,
        present ? null : Op.ERR_KEY, server, null, entry == null ? null : entry.id());
  }

  private void write(Session session, String f, String key) {
    SimServer server = servers[session.server];
    String value = f.equals("put") ? "v" + (++values) : null;
    record(OpEvent.invoke(session.process, f, key, value));
    if (!covers(server.vv(), session)) {
      complete(session, OpType.FAIL, f, key, value, "dropped", server, null, null);
      return;
    }
    WriteId id = new WriteId(server.nextStamp(nowMicros), server.name);
    String op = f.equals("put") ? "PUT" : "DELETE";
    if (server.id == 0) {
      commit(new LogEntry(id, committed.size() + 1, op, key, value));
    } else {
      server.addTentative(new LogEntry(id, -1, op, key, value));
    }
    session.writeSet = server.vv();
    complete(session, OpType.OK, f, key, value, null, server, id, null);
  }

  private static boolean covers(Map<String, Long> vv, Session session) {
    return Vectors.covers(vv, session.readSet) && Vectors.covers(vv, session.writeSet);
  }

  private void complete(Session session, OpType type, String f, String key, String value,
      String error, SimServer server, WriteId writeId, WriteId readFrom) {
    Long commits = type == OpType.OK && f.equals("get") ? (long) server.knownCommitted : null;
    record(new OpEvent(-1, -1, type, session.process, f, key, value, error, server.id,
        server.name, server.vv(), writeId, readFrom, session.readSet, session.writeSet, commits));
  }

  /** The primary commits a write: it accepted it, or received it from another server. */
  private void commit(LogEntry entry) {
    committed.add(entry);
    servers[0].applyCommitted(entry);
  }

  /** A server sends its tentative writes, in log order, to the primary, which commits them. */
  private void push(SimServer server) {
    for (LogEntry entry : server.tentative) {
      commit(new LogEntry(entry.id(), committed.size() + 1, entry.op(), entry.key(),
          entry.value()));
    }
  }

  private void stabilize(String reason) {
    record(NemesisEvent.of("stabilizeBegin", -1, -1, null, null));
    for (int i = 1; i < servers.length; i++) {
      push(servers[i]);
    }
    for (int i = 1; i < servers.length; i++) {
      servers[i].learnCommitted(committed);
    }
    record(NemesisEvent.of(History.STABILIZE_END, -1, -1, null, null));
    if (!reason.equals(History.FINAL)) {
      for (SimServer server : servers) {
        snapshot(server, reason);
      }
    }
  }

  private void snapshot(SimServer server, String reason) {
    record(new SnapshotEvent(-1, -1, server.id, server.name, reason, server.id == 0,
        committed.subList(0, server.knownCommitted), server.tentative, server.vv()));
  }

  private void record(HistoryEvent event) {
    long index = events.size();
    long time = nowMicros * 1000;
    if (event instanceof OpEvent) {
      events.add(((OpEvent) event).at(index, time));
    } else if (event instanceof SnapshotEvent) {
      events.add(((SnapshotEvent) event).at(index, time));
    } else {
      events.add(((NemesisEvent) event).at(index, time));
    }
  }
}

package bayou.cluster;

import bayou.history.HistorySink;
import bayou.history.LogEntry;
import bayou.history.NemesisEvent;
import bayou.history.OpEvent;
import bayou.history.OpType;
import bayou.history.SharedPrefixList;
import bayou.history.SnapshotEvent;
import bayou.cluster.Cluster.CommittedPrefix;
import bayou.replica.LogDigest;
import bayou.replica.Names;
import bayou.replica.Write;
import bayou.wire.Msg;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Cluster} that records everything done through it into a {@link HistorySink}: each
 * client operation as an invoke and its completion with the metadata the checkers need, each
 * fault or control step as a nemesis event, and server logs as snapshots (at printLog, after
 * every stabilize, and at the end of the run).
 */
public final class RecordingCluster extends ForwardingCluster {
  /** Steps that leave every server's log as it was. */
  private static final Set<String> LOG_PRESERVING = Set.of("stabilizeBegin", "stabilizeEnd",
      "joinClient", "moveClient", "runEnd");

  /** The reason of the snapshots a campaign takes as it goes, between stabilizes. */
  public static final String PERIODIC = "periodic";

  private final HistorySink sink;
  /**
   * What the recorder holds of each server's committed log: its last snapshot's, or for a new
   * server its creator's, which the new server's copy of the creator's log starts with (the
   * server checks the hash, and sends its whole log if not).
   */
  private final Map<Integer, HeldLog> held = new HashMap<>();
  /** Each snapshotted server's id by its Bayou name, to find a new server's creator. */
  private final Map<String, Integer> idsByName = new HashMap<>();
  /** The nemesis event that records a node's report of a broken invariant. */
  public static final String INVARIANT = "invariant";
  /** The snapshot reason of a restarted server's log as it came back from disk. */
  public static final String RECOVERED = "recovered";
  /**
   * Steps that could change a log (writes, faults), counted by concurrent client operations and
   * the runner's thread alike; and the count when the last stabilize that completed began.
   * Nothing changed since that stabilize while the two are equal. A count, not a flag: a write
   * that completes while a stabilize runs may have missed it, and must not be forgotten when
   * the stabilize ends (nor by a read that completes at the same moment).
   */
  private final AtomicLong changes = new AtomicLong();
  private volatile long settledAt = -1;

  public RecordingCluster(Cluster cluster, HistorySink sink) {
    super(cluster);
    this.sink = sink;
    if (cluster.virtualTime()) {
      mark(NemesisEvent.VIRTUAL_TIME, -1, null);
    }
    if (cluster.messageLoss() > 0) {
      mark(NemesisEvent.LOSSY_NETWORK, -1, "loses " + cluster.messageLoss() + " of messages");
    }
  }

  @Override
  public String joinServer(int id) {
    String name = cluster.joinServer(id);
    nemesis("joinServer", id, -1, name);
    // a created server's name nests its creator's; test clusters may use other names (S0)
    Integer creator = name == null || !name.startsWith("<") ? null
        : idsByName.get(Names.parent(name));
    if (creator != null && held.containsKey(creator)) {
      held.putIfAbsent(id, held.get(creator));
    }
    if (name != null) {
      idsByName.put(name, id);
    }
    return name;
  }

  @Override
  public String retireServer(int id) {
    String name;
    try {
      name = cluster.retireServer(id);
    } catch (ClusterException e) {
      if (cluster.servers().contains(id)) {
        throw e;
      }
      // it retires all the same, its hand-off unconfirmed: the history says it went
      retired(id, nameOf(id));
      throw e;
    }
    retired(id, name);
    return name;
  }

  private void retired(int id, String name) {
    held.remove(id); // its log is no base for anything now
    idsByName.values().remove(id);
    nemesis("retireServer", id, -1, name);
  }

  /** The Bayou name of server {@code id} as its last snapshot showed it, or null. */
  private String nameOf(int id) {
    return idsByName.entrySet().stream().filter(e -> e.getValue() == id).map(Map.Entry::getKey)
        .findFirst().orElse(null);
  }

  @Override
  public void joinClient(int client, int server) {
    boolean moving = cluster.hasClient(client);
    cluster.joinClient(client, server);
    nemesis(moving ? "moveClient" : "joinClient", client, server, null);
  }

  @Override
  public void breakConnection(int a, int b) {
    cluster.breakConnection(a, b);
    nemesis("break", a, b, null);
  }

  @Override
  public void restoreConnection(int a, int b) {
    cluster.restoreConnection(a, b);
    nemesis("restore", a, b, null);
  }

  @Override
  public void killServer(int id) {
    cluster.killServer(id);
    nemesis("killServer", id, -1, null);
  }

  /**
   * Records the restart, then the log as the server recovered it from disk (reason
   * {@code recovered}), before it heard from any peer: what the durability checker compares
   * with what the server had said before the kill.
   */
  @Override
  public Msg.LogDump restartServer(int id) {
    Msg.LogDump recovered = cluster.restartServer(id);
    nemesis("restartServer", id, -1, recovered == null ? null : recovered.name());
    snapshot(id, recovered, RECOVERED);
    return recovered;
  }

  @Override
  public void freezeServer(int id) {
    cluster.freezeServer(id);
    nemesis("freezeServer", id, -1, null);
  }

  @Override
  public void thawServer(int id) {
    cluster.thawServer(id);
    nemesis("thawServer", id, -1, null);
  }

  @Override
  public void skewClock(int id, long offsetMillis, double driftPpm) {
    cluster.skewClock(id, offsetMillis, driftPpm);
    sink.record(NemesisEvent.of("skewClock", id, -1, null, offsetMillis + " ms "
        + driftPpm + " ppm"));
    changes.incrementAndGet();
  }

  @Override
  public void slow(int a, int b, boolean on) {
    cluster.slow(a, b, on);
    nemesis(on ? "slow" : "fast", a, b, null);
  }

  @Override
  public void pause() {
    cluster.pause();
    nemesis("pause", -1, -1, null);
  }

  @Override
  public void start() {
    cluster.start();
    nemesis("start", -1, -1, null);
  }

  @Override
  public void stabilize() {
    nemesis("stabilizeBegin", -1, -1, null);
    long before = changes.get();
    try {
      cluster.stabilize();
    } catch (ClusterException e) {
      sink.record(NemesisEvent.of("stabilizeEnd", -1, -1, null, "gave up: " + e.getMessage()));
      throw e;
    }
    nemesis("stabilizeEnd", -1, -1, null);
    settledAt = before;
    snapshotAll("stabilize");
  }

  @Override
  public Msg.LogDump log(int id) {
    Msg.LogDump log = cluster.log(id);
    snapshot(id, log, "printLog");
    return log;
  }

  @Override
  public Msg.OpOutcome put(int client, String key, String value) {
    OpEvent invoke = invoke(client, "put", key, value);
    return completeOrInfo(invoke, () -> cluster.put(client, key, value));
  }

  @Override
  public Msg.OpOutcome get(int client, String key) {
    OpEvent invoke = invoke(client, "get", key, null);
    return completeOrInfo(invoke, () -> cluster.get(client, key));
  }

  @Override
  public Msg.OpOutcome delete(int client, String key) {
    OpEvent invoke = invoke(client, "delete", key, null);
    return completeOrInfo(invoke, () -> cluster.delete(client, key));
  }

  /**
   * Runs the cluster call of an invoked operation. When the call throws (no answer in time, the
   * client's node failed) the outcome is unknown, and the operation is completed as
   * {@code info} (Jepsen's "may or may not have taken effect") before the exception goes on:
   * a history never holds an invocation whose process then invokes again.
   */
  private Msg.OpOutcome completeOrInfo(OpEvent invoke,
      java.util.function.Supplier<Msg.OpOutcome> call) {
    Msg.OpOutcome outcome;
    try {
      outcome = call.get();
    } catch (RuntimeException e) {
      complete(invoke, new Msg.OpOutcome("info", null, "unknown: " + e.getMessage(), -1, null,
          null, null, null, null, null));
      throw e;
    }
    return complete(invoke, outcome);
  }

  /**
   * Records the invocation of a client operation that runs elsewhere (the simulator's
   * asynchronous clients); {@link #complete} records its outcome.
   */
  public OpEvent invoke(int client, String f, String key, String value) {
    if (!cluster.hasClient(client)) {
      throw new ClusterException("no client " + client);
    }
    return sink.record(OpEvent.invoke(client, f, key, value));
  }

  /** Records the completion of an operation begun with {@link #invoke}. */
  public Msg.OpOutcome complete(OpEvent invoke, Msg.OpOutcome outcome) {
    recordViolations();
    OpType type = OpType.valueOf(outcome.status().toUpperCase(Locale.ROOT));
    if (!invoke.f().equals("get")) {
      changes.incrementAndGet();
    }
    String value = invoke.f().equals("get") ? outcome.value() : invoke.value();
    sink.record(new OpEvent(-1, -1, type, invoke.process(), invoke.f(), invoke.key(), value,
        outcome.error(), outcome.server(), outcome.serverName(), outcome.vv(),
        outcome.writeId(), outcome.readFrom(), outcome.readSet(), outcome.writeSet(),
        outcome.commits(), outcome.floor()));
    return outcome;
  }

  /**
   * Ends the run's record: with {@code heal}, every broken server link is restored, anti-entropy
   * started and the system stabilized first (unless nothing that could change a log happened
   * since the last stabilize), so that the final snapshots show the converged state the
   * checkers judge.
   */
  public void finish(boolean heal) {
    if (heal) {
      for (int server : cluster.killedServers()) {
        healStep("restartServer " + server, () -> restartServer(server));
      }
      for (int server : cluster.frozenServers()) {
        healStep("thawServer " + server, () -> thawServer(server));
      }
      for (int[] link : cluster.brokenLinks()) {
        healStep("restore " + link[0] + " " + link[1],
            () -> restoreConnection(link[0], link[1]));
      }
      if (cluster.isPaused()) {
        healStep("start", this::start);
      }
      if (changes.get() != settledAt) {
        // else the last stabilize's state still stands: nothing changed since. One that gives
        // up records so itself.
        healStep(null, this::stabilize);
      }
    }
    snapshotAll("final");
    nemesis("runEnd", -1, -1, null);
  }

  /**
   * One step of the final heal. A failed step is recorded as {@link NemesisEvent#HEAL_FAILED} (the final
   * logs may then differ for a reason of the harness's) and said on stderr; the heal goes on.
   */
  private void healStep(String what, Runnable step) {
    try {
      step.run();
    } catch (ClusterException e) {
      if (what != null) {
        mark(NemesisEvent.HEAL_FAILED, -1, what + ": " + e.getMessage());
      }
      System.err.println("bayou: the final heal's " + (what == null ? "stabilize" : what)
          + " failed: " + e.getMessage());
    }
  }

  /**
   * Marks the history as a short script replayed alone on the machine, before anything else is
   * recorded: the availability checker then judges every silence and failed step, as it does
   * in the simulator, so that a finding of the simulator can be confirmed on processes.
   */
  public void markQuietReplay() {
    mark(NemesisEvent.QUIET_REPLAY, -1, null);
  }

  /**
   * Records a step of the schedule that failed, said on stderr by its runner: what it left
   * half done is a change, and in the simulator it is a finding (the availability checker's).
   */
  public void stepFailed(String step, String message) {
    recordViolations();
    changes.incrementAndGet();
    mark(NemesisEvent.STEP_FAILED, -1, step + ": " + message);
  }

  /** Records an event of the run itself (its clock, a failed step), not a fault it injects. */
  private void mark(String f, int id, String detail) {
    sink.record(NemesisEvent.of(f, id, -1, null, detail));
  }

  /** Records a snapshot of every live server's log, for the checkers' view over time. */
  public void snapshotAll(String reason) {
    recordViolations();
    // Periodic snapshots ask only for what changed; at a stabilize and at the end every server
    // sends its whole log, so a committed write whose content changed is seen there too.
    boolean whole = !reason.equals(PERIODIC);
    Map<Integer, Msg.LogDump> logs;
    try {
      logs = whole ? cluster.logs() : cluster.logsSince(heldPrefixes());
    } catch (ClusterException e) {
      if (!whole) {
        throw e; // the next periodic snapshot asks again
      }
      logs = eachThatAnswers(reason, e);
    }
    logs.forEach((id, log) -> snapshot(id, log, reason));
  }

  /**
   * Every server's log that it gives when asked alone. A server that does not answer (its
   * process hung or died) is recorded as a {@link NemesisEvent#HEAL_FAILED} step and said on stderr, and
   * the others are still recorded: a long run whose last snapshot fails on one server still
   * gets its checks, not an abort without a verdict.
   */
  private Map<Integer, Msg.LogDump> eachThatAnswers(String reason, ClusterException first) {
    Map<Integer, Msg.LogDump> logs = new java.util.LinkedHashMap<>();
    for (int id : cluster.servers()) {
      try {
        logs.put(id, cluster.log(id));
      } catch (ClusterException e) {
        String what = reason + " snapshot of server " + id;
        mark(NemesisEvent.HEAL_FAILED, id, what + ": " + e.getMessage());
        System.err.println("bayou: the " + what + " failed: " + e.getMessage());
      }
    }
    if (logs.isEmpty()) {
      throw first;
    }
    return logs;
  }

  private Map<Integer, CommittedPrefix> heldPrefixes() {
    Map<Integer, CommittedPrefix> prefixes = new HashMap<>();
    held.forEach((id, log) -> prefixes.put(id, log.prefix()));
    return prefixes;
  }

  private void snapshot(int id, Msg.LogDump log, String reason) {
    if (log == null) {
      return;
    }
    List<LogEntry> added = entries(log.committed());
    HeldLog before = held.get(id);
    if (log.committedFrom() > 0
        && (before == null || log.committedFrom() != before.entries().size())) {
      // not what this recorder said it held (a server must never send this): ask for all of it
      log = cluster.log(id);
      added = entries(log.committed());
    }
    HeldLog now = log.committedFrom() > 0 ? before.extend(log.committed(), added)
        : HeldLog.of(log.committed(), sharing(before == null ? List.of() : before.entries(),
            added));
    held.put(id, now);
    idsByName.put(log.name(), id);
    sink.record(new SnapshotEvent(-1, -1, id, log.name(), reason, log.primary(),
        now.entries(), entries(log.tentative()), log.vv()));
  }

  /**
   * A server's committed log as its last snapshot showed it, and the hash of its write ids,
   * which the server compares with its own before it sends only what came after.
   */
  private record HeldLog(List<LogEntry> entries, long hash) {
    static HeldLog of(List<Write> committed, List<LogEntry> entries) {
      return new HeldLog(entries, LogDigest.committedHash(committed, committed.size()));
    }

    /** This log, then the writes the server sent after it. */
    HeldLog extend(List<Write> after, List<LogEntry> afterEntries) {
      List<LogEntry> joined = SharedPrefixList.extend(entries, entries.size(), afterEntries);
      long extended = hash;
      for (Write write : after) {
        extended = LogDigest.foldCommitted(extended, write.id());
      }
      return new HeldLog(joined, extended);
    }

    CommittedPrefix prefix() {
      return new CommittedPrefix(entries.size(), hash);
    }
  }

  /**
   * A whole log as an extension of the one held before (a restart's, a stabilize's): the same
   * list where they agree, so the history writes and keeps only what differs.
   */
  private static List<LogEntry> sharing(List<LogEntry> before, List<LogEntry> whole) {
    int shared = SharedPrefixList.sharedPrefix(before, whole);
    return SharedPrefixList.extend(before, shared, whole.subList(shared, whole.size()));
  }

  private static List<LogEntry> entries(List<Write> writes) {
    return writes.stream().map(Write::toLogEntry).toList();
  }

  private void nemesis(String f, int a, int b, String name) {
    recordViolations();
    if (!LOG_PRESERVING.contains(f)) {
      changes.incrementAndGet();
    }
    sink.record(NemesisEvent.of(f, a, b, name, null));
  }

  /** Records the invariant violations nodes reported since the last event, one event each. */
  private void recordViolations() {
    for (String violation : cluster.drainViolations()) {
      sink.record(NemesisEvent.of(INVARIANT, -1, -1, null, violation));
    }
  }

  @Override
  public List<String> drainViolations() {
    return List.of(); // recorded here, as they come
  }
}

package bayou.cluster;

import bayou.wire.Msg;
import java.util.List;
import java.util.Map;

/**
 * The one control surface of a Bayou system, used by the course master and the campaign runner
 * alike. Ids are the tester's handles in one namespace for servers and clients. Every method
 * blocks until done or until its bounded wait runs out ({@link ClusterException}).
 */
public interface Cluster extends AutoCloseable {
  /** Starts server {@code id} and creates it in the system; returns its Bayou name. */
  String joinServer(int id);

  /** Retires server {@code id} once it has handed its writes to a reachable server. */
  String retireServer(int id);

  /** Starts client {@code client} on {@code server}, or moves an existing one there. */
  void joinClient(int client, int server);

  void breakConnection(int a, int b);

  void restoreConnection(int a, int b);

  /**
   * Makes the link between servers {@code a} and {@code b} slow (loss, duplication, delay), or
   * every link of server {@code a} when {@code b} is -1; {@code on} false undoes it. Only a
   * cluster on a real network can.
   */
  default void slow(int a, int b, boolean on) {
    throw new ClusterException("slow links need each node in its own network namespace "
        + "(--net netns)");
  }

  /**
   * Whether this cluster's waits count virtual time (the simulator): a command that fails there
   * was not starved by a busy machine, so a failed step is the system's doing.
   */
  default boolean virtualTime() {
    return false;
  }

  /**
   * The share of messages this cluster's network loses by design (the simulator's
   * {@code --loss}); a real network's losses are TCP's to repair, so 0 there.
   */
  default double messageLoss() {
    return 0;
  }

  void pause();

  void start();

  void stabilize();

  /** Server {@code id}'s log and vector. */
  Msg.LogDump log(int id);

  /** Every live server's log and vector, by server id in {@link #servers()} order. */
  Map<Integer, Msg.LogDump> logs();

  /**
   * As {@link #logs}, but a server the caller already holds a committed prefix of may answer
   * with only the committed writes after it ({@link Msg.LogDump#committedFrom} > 0), when its
   * own first writes hash the same. A periodic snapshot of a long log then costs what changed.
   */
  default Map<Integer, Msg.LogDump> logsSince(Map<Integer, CommittedPrefix> held) {
    return logs();
  }

  /** The first {@code count} committed writes of a server's log, by the hash of their ids. */
  record CommittedPrefix(int count, long hash) {}

  Msg.OpOutcome put(int client, String key, String value);

  Msg.OpOutcome get(int client, String key);

  Msg.OpOutcome delete(int client, String key);

  /** Live server ids in ascending order. */
  List<Integer> servers();

  /** Live client ids in ascending order. */
  List<Integer> clients();

  /** Whether client {@code client} has joined (cheaper than {@link #clients}, once per op). */
  default boolean hasClient(int client) {
    return clients().contains(client);
  }

  /** The server a client talks to now, or -1. */
  int serverOf(int client);

  /** Broken server-server links, each as {lower id, higher id}. */
  List<int[]> brokenLinks();

  boolean isPaused();

  /** Kills server {@code id}'s process (SIGKILL); its disk remains for a restart. */
  default void killServer(int id) {
    throw new ClusterException("this cluster cannot kill servers");
  }

  /**
   * Restarts killed server {@code id} from its disk; returns its log as recovered, before it
   * caught up with anyone.
   */
  default Msg.LogDump restartServer(int id) {
    throw new ClusterException("this cluster cannot restart servers");
  }

  /** Freezes server {@code id}'s process (SIGSTOP). */
  default void freezeServer(int id) {
    throw new ClusterException("this cluster cannot freeze servers");
  }

  /** Thaws frozen server {@code id}'s process (SIGCONT). */
  default void thawServer(int id) {
    throw new ClusterException("this cluster cannot thaw servers");
  }

  /** Sets server {@code id}'s clock to its own plus an offset and a drift. */
  default void skewClock(int id, long offsetMillis, double driftPpm) {
    throw new ClusterException("this cluster cannot skew clocks");
  }

  /** Killed servers, not yet restarted, ascending. */
  default List<Integer> killedServers() {
    return List.of();
  }

  /** Frozen servers, not yet thawed, ascending. */
  default List<Integer> frozenServers() {
    return List.of();
  }

  @Override
  void close();

  /**
   * Invariant violations the nodes reported since the last call, one line each; a cluster
   * whose nodes do not check their invariants has none.
   */
  default List<String> drainViolations() {
    return List.of();
  }
}

package bayou.cluster;

import bayou.protocol.Role;
import bayou.replica.Names;
import bayou.wire.Msg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The course semantics of a Bayou system over nodes it controls: joins, retirements, partitions,
 * pause, stabilize and client operations, each a few commands to nodes. {@link ProcessCluster}
 * runs them as real processes, {@link SimCluster} in the simulator; this class is the same for
 * both. Membership and faults are changed by one thread at a time (the methods that change them
 * are synchronized); client operations on different clients may run concurrently.
 */
public abstract class NodeCluster implements Cluster {
  static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(5);
  /**
   * The wait for a command whose work grows with the log: a join copies the creator's whole
   * log, a retirement hands the retiree's to its heir, a restart rereads its disk, a log dump
   * sends it all. An hour into a campaign on a loaded machine each took longer than
   * {@link #CONTROL_TIMEOUT}, and the cluster and the schedule's model drifted apart.
   */
  static final Duration LOG_TIMEOUT = Duration.ofSeconds(120);
  /**
   * The wait for a node to start, and for its first command ({@code assign}), which loads and
   * first runs the role's code: on a loaded machine (a soak beside a build) that took over 5 s.
   */
  static final Duration BOOT_TIMEOUT = Duration.ofSeconds(20);
  /** How much longer than a client's own timeout the controller waits for its answer. */
  static final Duration OP_TIMEOUT_MARGIN = Duration.ofSeconds(2);
  /**
   * The controller's wait for a client operation: the client's timeout plus a margin, so that
   * a client always answers (at worst "info: timeout") before the controller gives up.
   */
  static final Duration OP_TIMEOUT =
      Duration.ofNanos(Role.CLIENT_OP_TIMEOUT_MICROS * 1_000).plus(OP_TIMEOUT_MARGIN);
  static final long STABILIZE_BASE_MS = 5_000;
  static final long STABILIZE_PER_SERVER_MS = 500;

  private final String bugs;
  private final Topology topology = new Topology();
  final Stabilizer stabilizer = new Stabilizer();
  private final Map<Integer, Node> servers = new ConcurrentHashMap<>();
  private final Map<Integer, Node> clients = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> clientServer = new ConcurrentHashMap<>();
  /** How deep each live server's name nests (R is 0), for {@link #creator()}. */
  private final Map<Integer, Integer> nameDepths = new HashMap<>();
  /** Killed servers: their disks remain, and restartServer brings them back. */
  private final Set<Integer> killed = new java.util.TreeSet<>();
  /** Retirees whose hand-off was not confirmed in time: kept running until close. */
  private final List<Node> retiring = new ArrayList<>();
  /** Frozen servers (SIGSTOP): their nodes remain, stopped, until thawServer. */
  private final Map<Integer, Node> frozen = new TreeMap<>();
  private final Set<Integer> usedIds = new HashSet<>();
  private final List<String> violations = new ArrayList<>();
  private boolean paused;
  private long stabilizeBaseMs = STABILIZE_BASE_MS;

  /** @param bugs comma-separated {@code --bug} names passed to every node, or "" */
  NodeCluster(String bugs) {
    this.bugs = bugs == null ? "" : bugs;
  }

  /** A booted, blank node. */
  abstract Node takeNode();

  /**
   * Where server {@code id} keeps its log, as its assignment names it
   * ({@code "<fsync> <file>"}), or null when the nodes' drivers know without being told.
   */
  String storage(int id) {
    return null;
  }

  /** The controller's clock: wall time for processes, virtual time in the simulator. */
  abstract long nowNanos();

  /** The clock a history of this cluster is timed by. */
  public java.util.function.LongSupplier historyClock() {
    return this::nowNanos;
  }

  /** Waits until {@code groups} are stable by the digests; false if the deadline came first. */
  abstract boolean awaitStable(List<List<Integer>> groups, long deadlineNanos);

  /**
   * Shortens (or lengthens) stabilize's bounded wait: a replay that only needs the logs as they
   * are need not wait long for a system that a defect keeps from settling.
   */
  public synchronized NodeCluster stabilizeBase(Duration base) {
    stabilizeBaseMs = base.toMillis();
    return this;
  }

  /**
   * Joins a server; if any step fails, nothing of it stays registered (its id is free again,
   * its node stopped and forgotten by the others) and the failure is thrown.
   */
  @Override
  public synchronized String joinServer(int id) {
    claim(id);
    Node node = null;
    try {
      node = takeNode();
      node.call("assign", id, storage(id), "server", bugs, null, BOOT_TIMEOUT);
      node.assigned(id, stabilizer::update, violation -> violation(id, violation));
      servers.put(id, node);
      announce();
      int creator = creator();
      Msg.Reply reply = creator < 0
          ? node.call("root", -1, CONTROL_TIMEOUT)
          : node.call("join", creator, LOG_TIMEOUT);
      topology.addServer(id);
      nameDepths.put(id, Names.depth(reply.name()));
      return reply.name();
    } catch (ClusterException e) {
      unregister(id, node, servers);
      throw e;
    }
  }

  /**
   * The live server that creates a new one: the one with the shortest name, then the lowest
   * id. A Bayou name nests its creator's, so a server made by a deep one is deeper still;
   * creating at the shallowest keeps names (and every vector and message that carries them)
   * from growing with each generation of joins in a long run. -1 when there is none.
   */
  private int creator() {
    int best = -1;
    for (int id : topology.servers()) {
      if (best < 0 || nameDepths.getOrDefault(id, 0) < nameDepths.getOrDefault(best, 0)) {
        best = id;
      }
    }
    return best;
  }

  /** Undoes a failed join: the id is free again and the node stopped and forgotten. */
  private void unregister(int id, Node node, Map<Integer, Node> role) {
    usedIds.remove(id);
    boolean announced = role.remove(id) != null;
    stabilizer.forget(id);
    if (node != null) {
      node.stop();
    }
    if (announced) {
      try {
        broadcast(allNodes(), "forget", id, null);
      } catch (ClusterException ignored) {
        // a node that does not answer has its own failure; the id is free either way
      }
    }
  }

  /** A node reported a broken invariant; {@link #drainViolations} hands it to the recorder. */
  void violation(int id, String message) {
    synchronized (violations) {
      violations.add("node " + id + ": " + message);
    }
  }

  @Override
  public List<String> drainViolations() {
    synchronized (violations) {
      List<String> drained = List.copyOf(violations);
      violations.clear();
      return drained;
    }
  }

  private void claim(int id) {
    if (id < 0) {
      throw new ClusterException("ids must be >= 0, got " + id);
    }
    if (!usedIds.add(id)) {
      throw new ClusterException("id " + id + " is already in use");
    }
  }

  /** Tells every node the current address book. */
  private void announce() {
    List<Node> nodes = allNodes();
    broadcast(nodes, "servers", -1, ports(servers));
    broadcast(nodes, "clients", -1, ports(clients));
    for (Node retiree : retiring) { // it must reach its heir, should the heir restart elsewhere
      try {
        retiree.call("servers", -1, null, null, null, ports(servers), CONTROL_TIMEOUT);
      } catch (ClusterException e) {
        // a retiree that cannot hear it can do nothing about it either
      }
    }
  }

  /** One command to many nodes at once: all are sent, then all answers awaited. */
  private static void broadcast(List<Node> nodes, String cmd, int a,
      Map<Integer, Integer> ports) {
    List<Node.Pending> pending = new ArrayList<>();
    for (Node node : nodes) {
      pending.add(node.send(cmd, a, null, null, null, ports));
    }
    for (int i = 0; i < nodes.size(); i++) {
      nodes.get(i).await(pending.get(i), cmd, CONTROL_TIMEOUT);
    }
  }

  private static Map<Integer, Integer> ports(Map<Integer, Node> nodes) {
    Map<Integer, Integer> ports = new TreeMap<>();
    nodes.forEach((id, node) -> ports.put(id, node.port()));
    return ports;
  }

  private List<Node> allNodes() {
    List<Node> nodes = new ArrayList<>(servers.values());
    nodes.addAll(clients.values());
    return nodes;
  }

  /**
   * Kills server {@code id}'s process at once (SIGKILL): no goodbye, its peers and clients find
   * out as their sends fail. Its disk stays for {@link #restartServer}.
   */
  @Override
  public synchronized void killServer(int id) {
    Node node = server(id);
    servers.remove(id);
    killed.add(id);
    topology.setDown(id, true);
    stabilizer.forget(id);
    node.kill();
  }

  /**
   * Brings a killed server back from its disk on a fresh node, under the same id and Bayou
   * name: it recovers, and returns its log as recovered (before it hears from anyone), then
   * learns the address book, its broken links and the pause, and gossips to catch up.
   */
  @Override
  public synchronized Msg.LogDump restartServer(int id) {
    if (!killed.contains(id)) {
      throw new ClusterException("server " + id + " is not killed");
    }
    Node node = null;
    try {
      node = takeNode();
      node.call("assign", id, storage(id), "server", bugs, null, BOOT_TIMEOUT);
      node.assigned(id, stabilizer::update, violation -> violation(id, violation));
      node.call("recover", -1, LOG_TIMEOUT);
      Msg.LogDump recovered = node.call("log", -1, LOG_TIMEOUT).log();
      if (paused) {
        node.call("pause", -1, CONTROL_TIMEOUT);
      }
      servers.put(id, node);
      for (int other : topology.brokenFrom(id)) {
        // the cut as link() makes it: a real network's rules named the old process's address,
        // and a node told to block is only ever unblocked where there is no network to cut
        if (!cutNetwork(id, other, true)) {
          node.call("block", other, CONTROL_TIMEOUT);
        }
      }
      killed.remove(id);
      topology.setDown(id, false);
      announce();
      if (!paused) {
        node.call("start", -1, CONTROL_TIMEOUT); // says at once what it holds
      }
      return recovered;
    } catch (ClusterException e) {
      if (node != null && !servers.containsKey(id)) {
        node.stop();
      }
      throw e;
    }
  }

  /** Stops server {@code id}'s process (SIGSTOP): it keeps its state and sockets, silent. */
  @Override
  public synchronized void freezeServer(int id) {
    Node node = server(id);
    node.freeze();
    servers.remove(id);
    frozen.put(id, node);
    topology.setDown(id, true);
    stabilizer.forget(id);
  }

  /** Continues a frozen server (SIGCONT); it catches up on what it missed by gossip. */
  @Override
  public synchronized void thawServer(int id) {
    Node node = frozen.remove(id);
    if (node == null) {
      throw new ClusterException("server " + id + " is not frozen");
    }
    node.thaw();
    servers.put(id, node);
    topology.setDown(id, false);
    announce(); // servers may have joined or restarted on new ports meanwhile
    if (!paused) {
      node.call("start", -1, CONTROL_TIMEOUT); // says at once what it holds
    }
  }

  /** Sets server {@code id}'s clock to its base clock plus an offset and a drift. */
  @Override
  public synchronized void skewClock(int id, long offsetMillis, double driftPpm) {
    server(id).call(bayou.protocol.ClockSkew.COMMAND, -1, null,
        Long.toString(offsetMillis * 1_000), Double.toString(driftPpm), null, CONTROL_TIMEOUT);
  }

  @Override
  public synchronized List<Integer> killedServers() {
    return List.copyOf(killed);
  }

  @Override
  public synchronized List<Integer> frozenServers() {
    return List.copyOf(frozen.keySet());
  }

  @Override
  public synchronized String retireServer(int id) {
    Node node = server(id);
    int heir = -1;
    for (int other : topology.servers()) {
      if (other != id && topology.connected(id, other)) {
        heir = other;
        break;
      }
    }
    if (heir < 0) {
      throw new ClusterException("server " + id + " cannot retire: no reachable server to "
          + "hand its writes to");
    }
    Msg.Reply reply;
    try {
      reply = node.call("retire", heir, LOG_TIMEOUT);
    } catch (ClusterException e) {
      // The server wrote its RETIRE before anything could fail: it is retiring whatever the
      // answer, and sends its hand-off again until the heir confirms. It is no longer one of
      // the cluster's servers (a stabilize would wait on it for ever). Its process stays until
      // close, told where servers move (see announce), so the hand-off may still finish.
      forgetServer(id);
      retiring.add(node);
      throw new ClusterException("server " + id + " is retiring, but its hand-off to server "
          + heir + " is not confirmed (" + e.getMessage() + "); it goes on in the background");
    }
    forgetServer(id);
    node.stop();
    retired(id);
    broadcast(allNodes(), "forget", id, null); // so requests to it fail at once: dropped
    return reply.name();
  }

  private void forgetServer(int id) {
    servers.remove(id);
    nameDepths.remove(id);
    topology.removeServer(id);
    stabilizer.forget(id);
  }

  /** Server {@code id} has retired for good: whatever is kept for a restart can go. */
  void retired(int id) {}

  @Override
  public synchronized void joinClient(int client, int server) {
    server(server);
    Node node = clients.get(client);
    if (node == null) {
      if (servers.containsKey(client)) {
        throw new ClusterException("id " + client + " is a server, not a client");
      }
      claim(client);
      try {
        node = takeNode();
        node.call("assign", client, null, "client", bugs, null, BOOT_TIMEOUT);
        node.assigned(client, digest -> {}, violation -> violation(client, violation));
        clients.put(client, node);
        announce();
      } catch (ClusterException e) {
        unregister(client, node, clients);
        throw e;
      }
    }
    node.call("connect", server, CONTROL_TIMEOUT);
    clientServer.put(client, server);
  }

  @Override
  public synchronized void breakConnection(int a, int b) {
    link(a, b, false);
  }

  @Override
  public synchronized void restoreConnection(int a, int b) {
    link(a, b, true);
  }

  private void link(int a, int b, boolean restore) {
    if (servers.containsKey(a) && servers.containsKey(b)) {
      if (a == b) {
        throw new ClusterException("a server has no link to itself: " + a);
      }
      if (!cutNetwork(a, b, !restore)) {
        servers.get(a).call(restore ? "unblock" : "block", b, CONTROL_TIMEOUT);
        servers.get(b).call(restore ? "unblock" : "block", a, CONTROL_TIMEOUT);
      }
      topology.setBroken(a, b, !restore);
      if (restore && !paused) {
        // the two exchange at once, so what follows sees each other's writes
        servers.get(a).call("sync", b, CONTROL_TIMEOUT);
        servers.get(b).call("sync", a, CONTROL_TIMEOUT);
      }
    } else if (clients.containsKey(a) && servers.containsKey(b)) {
      clientLink(a, b, restore);
    } else if (clients.containsKey(b) && servers.containsKey(a)) {
      clientLink(b, a, restore);
    } else {
      throw new ClusterException("no live server-server or client-server pair: " + a + " " + b);
    }
  }

  /**
   * Drops (or lets through) the packets between two nodes, where this cluster has a real
   * network to cut; false when it has none, and the nodes must drop each other's messages
   * themselves (the block and unblock commands).
   */
  boolean cutNetwork(int a, int b, boolean cut) {
    return false;
  }

  /**
   * A client's link: which server the client talks to is its session's routing, so the client
   * is always told; a real network also drops the packets between the two.
   */
  private void clientLink(int client, int server, boolean restore) {
    cutNetwork(client, server, !restore);
    clients.get(client).call(restore ? "unblock" : "block", server, CONTROL_TIMEOUT);
    if (restore) {
      clientServer.put(client, server);
    } else {
      clientServer.remove(client, server);
    }
  }

  /**
   * Slow faults by id: {@code slow a b} adds a link, {@code slow a} a server all of whose links
   * to other live nodes are slow. What is applied is always what they add up to, so undoing one
   * never speeds up a link that another still slows.
   */
  private final Set<Long> slowLinks = new HashSet<>();
  private final Set<Integer> slowServers = new HashSet<>();
  private Set<Long> slowApplied = new HashSet<>();

  @Override
  public synchronized void slow(int a, int b, boolean on) {
    server(a);
    if (b >= 0) {
      server(b);
      if (a == b) {
        throw new ClusterException("a server has no link to itself: " + a);
      }
      if (on) {
        slowLinks.add(pair(a, b));
      } else {
        slowLinks.remove(pair(a, b));
      }
    } else if (on) {
      slowServers.add(a);
    } else {
      slowServers.remove(a);
    }
    Set<Long> wanted = new HashSet<>(slowLinks);
    for (int s : slowServers) {
      for (int other : allIds()) {
        if (other != s) {
          wanted.add(pair(s, other));
        }
      }
    }
    slowServers.removeIf(id -> portOf(id) < 0); // retired: its namespace is gone
    slowLinks.removeIf(link -> portOf((int) (link >> 32)) < 0 || portOf((int) (long) link) < 0);
    wanted.removeIf(link -> portOf((int) (link >> 32)) < 0 || portOf((int) (long) link) < 0);
    for (long link : wanted) {
      if (!slowApplied.contains(link)) {
        slowNetwork((int) (link >> 32), (int) link, true);
      }
    }
    for (long link : slowApplied) {
      if (!wanted.contains(link) && portOf((int) (link >> 32)) >= 0
          && portOf((int) link) >= 0) { // a retired end took its rules with it
        slowNetwork((int) (link >> 32), (int) link, false);
      }
    }
    slowApplied = wanted;
  }

  private static long pair(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  private List<Integer> allIds() {
    List<Integer> ids = new ArrayList<>(servers.keySet());
    ids.addAll(clients.keySet());
    return ids;
  }

  /** Slows (or speeds up again) the packets between two live nodes, on a real network. */
  void slowNetwork(int a, int b, boolean on) {
    throw new ClusterException("slow links need each node in its own network namespace "
        + "(--net netns)");
  }

  @Override
  public synchronized void pause() {
    paused = true;
    broadcast(List.copyOf(servers.values()), "pause", -1, null);
  }

  @Override
  public synchronized void start() {
    paused = false;
    broadcast(List.copyOf(servers.values()), "start", -1, null);
  }

  @Override
  public synchronized void stabilize() {
    List<Integer> live = topology.servers();
    long timeoutMs = stabilizeBaseMs + STABILIZE_PER_SERVER_MS * live.size();
    long deadline = nowNanos() + timeoutMs * 1_000_000;
    List<List<Integer>> groups = paused ? List.of() : topology.groups();
    List<Node> nodes = List.copyOf(servers.values());
    broadcast(nodes, "watch", 1, null); // servers push digests only while someone waits
    try {
      while (true) {
        refreshDigests(); // a barrier: every digest below is at least as new as this moment
        if (!awaitStable(groups, deadline)) {
          throw new ClusterException("stabilize gave up after " + timeoutMs + " ms: "
              + stabilizer.describe(groups));
        }
        refreshDigests();
        if (awaitStable(groups, nowNanos())) {
          return;
        }
      }
    } finally {
      broadcast(nodes, "watch", 0, null);
    }
  }

  private void refreshDigests() {
    // the answers reach the stabilizer on arrival, in order with the pushed digests
    broadcast(List.copyOf(servers.values()), "digest", -1, null);
  }

  @Override
  public synchronized Msg.LogDump log(int id) {
    Msg.LogDump log = server(id).call("log", -1, LOG_TIMEOUT).log();
    if (log == null) {
      throw new ClusterException("server " + id + " has no log yet");
    }
    return log;
  }

  /** Asks every server at once, so a snapshot of n servers costs one round trip, not n. */
  @Override
  public synchronized Map<Integer, Msg.LogDump> logs() {
    return logsSince(Map.of());
  }

  @Override
  public synchronized Map<Integer, Msg.LogDump> logsSince(Map<Integer, CommittedPrefix> held) {
    Map<Integer, Node.Pending> asked = new LinkedHashMap<>();
    for (int id : topology.servers()) {
      CommittedPrefix prefix = held.get(id);
      asked.put(id, prefix == null ? server(id).send("log", -1, null, null, null, null)
          : server(id).send("log", prefix.count(), null, Long.toString(prefix.hash()), null,
              null));
    }
    Map<Integer, Msg.LogDump> logs = new LinkedHashMap<>();
    asked.forEach((id, pending) -> logs.put(id,
        server(id).await(pending, "log", LOG_TIMEOUT).log()));
    return logs;
  }

  @Override
  public Msg.OpOutcome put(int client, String key, String value) {
    return op(client, "put", key, value);
  }

  @Override
  public Msg.OpOutcome get(int client, String key) {
    return op(client, "get", key, null);
  }

  @Override
  public Msg.OpOutcome delete(int client, String key) {
    return op(client, "delete", key, null);
  }

  private Msg.OpOutcome op(int client, String f, String key, String value) {
    return clientNode(client).call("op", -1, f, key, value, null, OP_TIMEOUT).op();
  }

  /** A client's node; throws when there is no such client. */
  Node clientNode(int client) {
    Node node = clients.get(client);
    if (node == null) {
      throw new ClusterException("no client " + client);
    }
    return node;
  }

  private Node server(int id) {
    Node node = servers.get(id);
    if (node == null) {
      throw new ClusterException(killed.contains(id) ? "server " + id + " is killed"
          : frozen.containsKey(id) ? "server " + id + " is frozen" : "no live server " + id);
    }
    return node;
  }

  /**
   * The address (TCP port, or simulated address) of a live server or client, for fuzzers and
   * tests that talk to a node directly; -1 when there is no such node.
   */
  public int portOf(int id) {
    Node node = servers.containsKey(id) ? servers.get(id) : clients.get(id);
    return node == null ? -1 : node.port();
  }

  @Override
  public synchronized List<Integer> servers() {
    return topology.servers();
  }

  @Override
  public List<Integer> clients() {
    return clients.keySet().stream().sorted().toList();
  }

  @Override
  public boolean hasClient(int client) {
    return clients.containsKey(client);
  }

  @Override
  public int serverOf(int client) {
    return clientServer.getOrDefault(client, -1);
  }

  @Override
  public synchronized List<int[]> brokenLinks() {
    return topology.brokenLinks();
  }

  @Override
  public synchronized boolean isPaused() {
    return paused;
  }

  /** Stops every node of this cluster. */
  @Override
  public synchronized void close() {
    frozen.values().forEach(Node::kill); // a stopped process would not see its link close
    frozen.clear();
    allNodes().forEach(Node::stop);
    retiring.forEach(Node::stop);
    retiring.clear();
    servers.clear();
    clients.clear();
  }

}

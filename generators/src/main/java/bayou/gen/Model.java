package bayou.gen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The topology a script has built so far, replayed step by step, and the rules that say which
 * step makes sense next.
 *
 * <p>The rules are the master's (unknown or reused ids are meaningless) plus the ones that keep
 * a replay from stalling on a bounded wait: a client op needs its client attached through an
 * unbroken link to a live server, and a retirement needs an unpaused peer to hand its writes
 * to. The generator emits only steps this model accepts, and the shrinker drops the rest.
 */
final class Model {
  private final TreeSet<Integer> live = new TreeSet<>();
  private final TreeSet<Integer> retired = new TreeSet<>();
  private final TreeMap<Integer, Integer> clientServer = new TreeMap<>();
  private final TreeSet<Link> broken = new TreeSet<>();
  /**
   * Servers that are down: killed (true) or frozen (false). They are not in {@link #live}
   * until restarted or thawed, and keep their links for then.
   */
  private final TreeMap<Integer, Boolean> down = new TreeMap<>();
  /** Slow links, and servers all of whose links are slow ({@code slow a}). */
  private final TreeSet<Link> slowLinks = new TreeSet<>();
  private final TreeSet<Integer> slowServers = new TreeSet<>();
  private boolean paused;
  private int nextId;
  /** The primary: the first server, then the heir of each retiring primary; -1 before any. */
  private int primary = -1;
  /**
   * How deep each server's Bayou name nests (R is 0), as the cluster creates a new server at
   * the shallowest live one: a new server is one deeper than that.
   */
  private final TreeMap<Integer, Integer> nameDepth = new TreeMap<>();
  /** Client writes so far, and their count at the last step that copied a whole log. */
  private long writes;
  private long writesAtLogCopy;
  /**
   * The clients attached to a live server over an unbroken link, in order; null after a
   * change of topology. Asked for at every client op, and only faults change it.
   */
  private List<Integer> connectedClients;

  Model copy() {
    Model m = new Model();
    m.live.addAll(live);
    m.retired.addAll(retired);
    m.clientServer.putAll(clientServer);
    m.broken.addAll(broken);
    m.down.putAll(down);
    m.slowLinks.addAll(slowLinks);
    m.slowServers.addAll(slowServers);
    m.paused = paused;
    m.nextId = nextId;
    m.primary = primary;
    m.nameDepth.putAll(nameDepth);
    m.writes = writes;
    m.writesAtLogCopy = writesAtLogCopy;
    return m;
  }

  ClusterView view() {
    return new ClusterView(live, clientServer, broken, paused);
  }

  NavigableSet<Integer> live() {
    return Collections.unmodifiableNavigableSet(live);
  }

  List<Integer> liveList() {
    return new ArrayList<>(live);
  }

  List<Integer> clients() {
    return new ArrayList<>(clientServer.keySet());
  }

  /** The client's server, or -1 for an unknown client. */
  int serverOf(int client) {
    return clientServer.getOrDefault(client, -1);
  }

  boolean paused() {
    return paused;
  }

  boolean isBroken(int a, int b) {
    return broken.contains(new Link(a, b));
  }

  boolean isKilled(int id) {
    return Boolean.TRUE.equals(down.get(id));
  }

  boolean isFrozen(int id) {
    return Boolean.FALSE.equals(down.get(id));
  }

  boolean isDown(int id) {
    return down.containsKey(id);
  }

  /** Killed or frozen servers, ascending. */
  List<Integer> downList() {
    return new ArrayList<>(down.keySet());
  }

  /** Broken links between two live servers, in order. */
  List<Link> brokenServerLinks() {
    return broken.stream().filter(l -> live.contains(l.a()) && live.contains(l.b())).toList();
  }

  /** Broken links between a client and a live server, in order. */
  List<Link> brokenClientLinks() {
    return broken.stream().filter(l -> !(live.contains(l.a()) && live.contains(l.b()))).toList();
  }

  /** One past the largest id used by a server or a client: the next new server's id. */
  int nextId() {
    return nextId;
  }

  /** True when {@code server} is live and reaches at least one other live server. */
  boolean hasPeer(int server) {
    return heirOf(server) >= 0;
  }

  /** The clients {@link #connected}, in order. */
  List<Integer> connectedClients() {
    if (connectedClients == null) {
      connectedClients = clientServer.keySet().stream().filter(this::connected).toList();
    }
    return connectedClients;
  }

  /** True when the client is attached to a live server over an unbroken link. */
  boolean connected(int client) {
    int s = serverOf(client);
    return s >= 0 && live.contains(s) && !isBroken(client, s);
  }

  /** Why {@code step} makes no sense now, or null when it does. */
  String problem(Step step) {
    return Rules.problem(this, step);
  }

  /** Applies a step that {@link #problem} accepted. */
  void apply(Step step) {
    String problem = problem(step);
    if (problem != null) {
      throw new IllegalStateException("`" + step.toLine() + "`: " + problem);
    }
    if (copiesLog(step)) {
      writesAtLogCopy = writes;
    } else if (step instanceof Step.Put || step instanceof Step.Delete) {
      writes++;
    }
    if (!(step instanceof Step.Put || step instanceof Step.Delete || step instanceof Step.Get)) {
      connectedClients = null;
    }
    if (step instanceof Step.JoinServer s) {
      nameDepth.put(s.id(), live.stream().mapToInt(nameDepth::get).min().orElse(-1) + 1);
      live.add(s.id());
      nextId = Math.max(nextId, s.id() + 1);
      primary = primary < 0 ? s.id() : primary;
    } else if (step instanceof Step.RetireServer s) {
      retire(s.id());
    } else if (step instanceof Step.JoinClient s) {
      clientServer.put(s.client(), s.server());
      nextId = Math.max(nextId, s.client() + 1);
    } else if (step instanceof Step.BreakConnection s) {
      broken.add(new Link(s.a(), s.b()));
    } else if (step instanceof Step.RestoreConnection s) {
      restore(new Link(s.a(), s.b()));
    } else if (step instanceof Step.Slow s) {
      if (s.b() < 0) {
        slowServers.add(s.a());
      } else {
        slowLinks.add(new Link(s.a(), s.b()));
      }
    } else if (step instanceof Step.Fast s) {
      if (s.b() < 0) {
        slowServers.remove(s.a());
      } else {
        slowLinks.remove(new Link(s.a(), s.b()));
      }
    } else if (step instanceof Step.Pause) {
      paused = true;
    } else if (step instanceof Step.Start) {
      paused = false;
    } else if (step instanceof Step.KillServer s) {
      live.remove(s.id());
      down.put(s.id(), true);
    } else if (step instanceof Step.FreezeServer s) {
      live.remove(s.id());
      down.put(s.id(), false);
    } else if (step instanceof Step.RestartServer s) {
      down.remove(s.id());
      live.add(s.id());
    } else if (step instanceof Step.ThawServer s) {
      down.remove(s.id());
      live.add(s.id());
    }
    // stabilize, printLog, skewClock and client ops leave the topology as it is
  }

  int primary() {
    return primary;
  }

  /** The cluster failed to restart {@code id}: it is still killed. */
  void restartFailed(int id) {
    connectedClients = null;
    live.remove(id);
    down.put(id, true);
  }

  /** The cluster failed to create {@code id} and forgot it: as if it had never joined. */
  void joinFailed(int id) {
    connectedClients = null;
    live.remove(id);
    nameDepth.remove(id);
    broken.removeIf(l -> l.touches(id));
    slowLinks.removeIf(l -> l.touches(id));
    slowServers.remove(id);
    if (primary == id) {
      primary = live.isEmpty() ? -1 : live.first();
    }
  }

  /**
   * Steps whose cost grows with the log: a new server copies its creator's whole log, a
   * retiree hands its whole log to a peer, a killed server rereads its whole disk at restart.
   */
  static boolean copiesLog(Step step) {
    return step instanceof Step.JoinServer || step instanceof Step.RetireServer
        || step instanceof Step.KillServer;
  }

  /**
   * Whether the generator may plan a step that copies a whole log now: only when the writes
   * since the last one, times {@code ratio}, reach the writes so far (the log's length, about).
   * The copies then cost at most {@code ratio} writes per write issued, however long the run.
   * Early on (joins of the opening, a short run) it does not bind.
   */
  boolean logCopyDue(int ratio) {
    return ratio == 0 || (writes - writesAtLogCopy) * ratio >= writes;
  }

  /**
   * The server a retiree hands its writes to: the lowest live id it reaches (as the cluster
   * chooses), or -1 when it reaches none.
   */
  int heirOf(int server) {
    for (int other : live) {
      if (other != server && !isBroken(server, other)) {
        return other;
      }
    }
    return -1;
  }

  boolean isLive(int id) {
    return live.contains(id);
  }

  boolean isRetired(int id) {
    return retired.contains(id);
  }

  boolean isClient(int id) {
    return clientServer.containsKey(id);
  }

  /** A retired server's links go with it; its clients keep pointing at it until moved. */
  /**
   * Whether {@code server} is the only one, live or down, with the shortest name. Retiring it
   * makes every later server's name one level deeper: over a long run, names (and so every
   * vector and message) would grow with each such retirement.
   */
  boolean lastShallowest(int server) {
    int depth = nameDepth.getOrDefault(server, 0);
    for (int other : nameDepth.keySet()) {
      if (other != server && (live.contains(other) || down.containsKey(other))
          && nameDepth.get(other) <= depth) {
        return false;
      }
    }
    return true;
  }

  private void retire(int id) {
    nameDepth.remove(id);
    if (id == primary) {
      primary = heirOf(id);
    }
    live.remove(id);
    retired.add(id);
    broken.removeIf(l -> l.touches(id));
    slowLinks.removeIf(l -> l.touches(id));
    slowServers.remove(id);
  }

  /** Whether {@code slow a b} (b >= 0) or {@code slow a} (b < 0) is in effect. */
  boolean isSlow(int a, int b) {
    return b < 0 ? slowServers.contains(a) : slowLinks.contains(new Link(a, b));
  }

  /** Every slow fault in effect, as the steps that undo them, in order. */
  List<Step> fastSteps() {
    List<Step> steps = new ArrayList<>();
    slowLinks.forEach(l -> steps.add(new Step.Fast(l.a(), l.b())));
    slowServers.forEach(id -> steps.add(new Step.Fast(id, -1)));
    return steps;
  }

  private void restore(Link l) {
    broken.remove(l);
    if (isClient(l.a())) {
      clientServer.put(l.a(), l.b());
    } else if (isClient(l.b())) {
      clientServer.put(l.b(), l.a());
    }
  }
}

package bayou.gen;

import java.util.List;

/**
 * Moves a client to another live server, either by {@code joinClient} or by breaking its link
 * and restoring one to the new server (the course's two idioms).
 */
final class MoveNemesis implements Nemesis {
  @Override public FaultKind kind() {
    return FaultKind.MOVE;
  }

  @Override public boolean possible(Model model, GeneratorOptions options) {
    return model.live().size() >= 2 && !connected(model).isEmpty();
  }

  /**
   * Moves a client. Mostly (when partitions are allowed) the move is a session probe:
   * the client's server is cut off from every other server, the session writes or reads there
   * what no other server has, the client moves away, and it reads or writes the same key at its
   * new server. Writer-only and reader-only clients make each of the four guarantees the only
   * one that can stop the second operation.
   */
  @Override public void plan(Plan plan, Dice dice, GeneratorOptions options) {
    Model m = plan.model();
    int client = dice.pick(connected(m));
    int from = m.serverOf(client);
    String key = Workload.key(dice.below(options.keys()));
    boolean probe = options.nemesis().contains(FaultKind.PARTITION) && dice.chance(0.8);
    if (probe) {
      isolate(plan, from);
      if (!sessionLearnsSomethingNew(plan, dice, client, from, key)) {
        probe = false;
      }
    }
    int to = target(plan.model(), dice, from);
    move(plan, dice, client, from, to);
    if (probe) {
      boolean write = Workload.isFollower(client)
          || (!Workload.isReader(client) && dice.chance(0.5));
      plan.add(write ? new Step.Put(client, key, plan.freshValue()) : new Step.Get(client, key));
    }
  }

  private static void move(Plan plan, Dice dice, int client, int from, int to) {
    if (dice.chance(0.5) && !plan.model().isBroken(client, to)) {
      plan.add(new Step.JoinClient(client, to));
    } else {
      plan.add(new Step.BreakConnection(client, from));
      plan.add(new Step.RestoreConnection(client, to));
    }
  }

  /** Cuts {@code server} off from every other live server. */
  private static void isolate(Plan plan, int server) {
    for (int other : plan.model().liveList()) {
      if (other != server && !plan.model().isBroken(server, other)) {
        plan.add(new Step.BreakConnection(server, other));
      }
    }
  }

  /**
   * The session writes, or reads a fresh write, at its isolated server; false when it cannot
   * (a reader-only client with no writer at its server).
   */
  private static boolean sessionLearnsSomethingNew(Plan plan, Dice dice, int client, int server,
      String key) {
    if (!Workload.isReader(client)) {
      plan.add(new Step.Put(client, key, plan.freshValue()));
      if (!Workload.isWriter(client) && dice.chance(0.5)) {
        plan.add(new Step.Get(client, key));
      }
      return true;
    }
    List<Integer> writers = connected(plan.model()).stream()
        .filter(c -> c != client && !Workload.isReader(c)).toList();
    if (writers.isEmpty()) {
      return false;
    }
    List<Integer> here = writers.stream().filter(c -> plan.model().serverOf(c) == server)
        .toList();
    int writer = here.isEmpty() ? dice.pick(writers) : dice.pick(here);
    if (plan.model().serverOf(writer) != server) {
      attach(plan, dice, writer, List.of(server)); // bring a writer to the isolated server
    }
    plan.add(new Step.Put(writer, key, plan.freshValue()));
    plan.add(new Step.Get(client, key));
    return true;
  }

  /** Another live server; mostly one that {@code from} cannot reach, if the system is split. */
  private static int target(Model m, Dice dice, int from) {
    List<Integer> others = m.liveList().stream().filter(s -> s != from).toList();
    List<Integer> unreachable = others.stream()
        .filter(s -> !reachable(m, from).contains(s)).toList();
    return !unreachable.isEmpty() && dice.chance(0.7) ? dice.pick(unreachable)
        : dice.pick(others);
  }

  /** The live servers {@code from} can gossip with, directly or through others. */
  private static java.util.Set<Integer> reachable(Model m, int from) {
    java.util.Set<Integer> seen = new java.util.HashSet<>(List.of(from));
    java.util.ArrayDeque<Integer> frontier = new java.util.ArrayDeque<>(List.of(from));
    while (!frontier.isEmpty()) {
      int at = frontier.poll();
      for (int next : m.liveList()) {
        if (next != at && !m.isBroken(at, next) && seen.add(next)) {
          frontier.add(next);
        }
      }
    }
    return seen;
  }

  /** Clients attached to a live server over an unbroken link: the ones a break can move. */
  static List<Integer> connected(Model m) {
    return m.connectedClients();
  }

  /**
   * Attaches a client whose server is gone to one of {@code servers}: by {@code joinClient}
   * when its link there is intact, else by restoring that link.
   */
  static void attach(Plan plan, Dice dice, int client, List<Integer> servers) {
    int to = dice.pick(servers);
    if (plan.model().isBroken(client, to)) {
      plan.add(new Step.RestoreConnection(client, to));
    } else {
      plan.add(new Step.JoinClient(client, to));
    }
  }
}

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
   * Moves a client, as a session probe: an operation at the old server, the move (across the
   * current partition when there is one, where the new server may lack what the session saw or
   * wrote), and an operation on the same key at the new server. The four pairs (put/get,
   * get/get, put/put, get/put) probe the four session guarantees.
   */
  @Override public void plan(Plan plan, Dice dice, GeneratorOptions options) {
    Model m = plan.model();
    int client = dice.pick(connected(m));
    int from = m.serverOf(client);
    String key = "k" + dice.below(options.keys());
    plan.add(probe(plan, dice, client, key));
    int to = target(m, dice, from);
    if (dice.chance(0.5) && !m.isBroken(client, to)) {
      plan.add(new Step.JoinClient(client, to));
    } else {
      plan.add(new Step.BreakConnection(client, from));
      plan.add(new Step.RestoreConnection(client, to));
    }
    plan.add(probe(plan, dice, client, key));
  }

  private static Step probe(Plan plan, Dice dice, int client, String key) {
    return dice.chance(0.5) ? new Step.Put(client, key, plan.freshValue())
        : new Step.Get(client, key);
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
    return m.clients().stream().filter(m::connected).toList();
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

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

  @Override public void plan(Plan plan, Dice dice, GeneratorOptions options) {
    Model m = plan.model();
    int client = dice.pick(connected(m));
    int from = m.serverOf(client);
    List<Integer> targets = m.liveList().stream().filter(s -> s != from).toList();
    int to = dice.pick(targets);
    if (dice.chance(0.5) && !m.isBroken(client, to)) {
      plan.add(new Step.JoinClient(client, to));
    } else {
      plan.add(new Step.BreakConnection(client, from));
      plan.add(new Step.RestoreConnection(client, to));
    }
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

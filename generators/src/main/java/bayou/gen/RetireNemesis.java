package bayou.gen;

import java.util.List;

/**
 * Retires a server that can hand its writes to a peer (never the last one) and at once moves
 * each of its clients to a live server, so no client is left without one. At the floor
 * ({@link GeneratorOptions#minServers}) a new server joins first, so retirements go on all run
 * long without leaving a campaign on one server. The only server with the shortest name is
 * retired less often than the others ({@link #SHALLOWEST_RETIRES}).
 */
final class RetireNemesis implements Nemesis {
  /**
   * Chance that the only server with the shortest name retires when it is drawn. Each such
   * retirement makes all later names one level deeper, so a long run would otherwise carry ever
   * longer names in every vector; it still happens, only less often.
   */
  static final double SHALLOWEST_RETIRES = 0.1;

  @Override public FaultKind kind() {
    return FaultKind.RETIRE;
  }

  @Override public boolean possible(Model model, GeneratorOptions options) {
    // At the floor a server joins first, which needs anti-entropy running.
    return !candidates(model).isEmpty()
        && (model.live().size() > options.minServers() || model.live().size()
            < options.maxServers() && !model.paused());
  }

  @Override public void plan(Plan plan, Dice dice, GeneratorOptions options) {
    List<Integer> candidates = candidates(plan.model());
    if (plan.model().live().size() <= options.minServers()) {
      plan.add(new Step.JoinServer(plan.model().nextId())); // a replacement, ahead of time
    }
    int drawn = dice.pick(candidates);
    List<Integer> others = candidates.stream().filter(s -> s != drawn).toList();
    int retiree = !others.isEmpty() && spared(plan.model(), drawn, dice)
        ? dice.pick(others) : drawn;
    plan.add(new Step.RetireServer(retiree));
    for (int client : plan.model().clients()) {
      if (plan.model().serverOf(client) == retiree) {
        MoveNemesis.attach(plan, dice, client, plan.model().liveList());
      }
    }
  }

  /**
   * Whether {@code retiree}, drawn to retire, is spared this time: it is the only server with
   * the shortest name, and the {@link #SHALLOWEST_RETIRES} roll says not now.
   */
  static boolean spared(Model model, int retiree, Dice dice) {
    return model.lastShallowest(retiree) && !dice.chance(SHALLOWEST_RETIRES);
  }

  /** Live servers whose retirement {@link Model} accepts now. */
  private static List<Integer> candidates(Model model) {
    return model.liveList().stream()
        .filter(s -> model.problem(new Step.RetireServer(s)) == null)
        .toList();
  }
}

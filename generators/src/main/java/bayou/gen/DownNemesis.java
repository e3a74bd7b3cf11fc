package bayou.gen;

import java.util.List;

/**
 * Takes a server down, by SIGKILL ({@code killServer}) or SIGSTOP ({@code freezeServer}), and
 * moves its clients to servers that are up; the generator brings it back a few steps later
 * ({@code restartServer}, {@code thawServer}). A kill hits the primary a third of the time:
 * commits stop until it returns.
 */
final class DownNemesis implements Nemesis {
  static final double PRIMARY_CHANCE = 1.0 / 3;

  private final FaultKind kind;

  DownNemesis(FaultKind kind) {
    this.kind = kind;
  }

  @Override public FaultKind kind() {
    return kind;
  }

  @Override public boolean possible(Model model, GeneratorOptions options) {
    return !candidates(model).isEmpty();
  }

  @Override public void plan(Plan plan, Dice dice, GeneratorOptions options) {
    Model m = plan.model();
    List<Integer> candidates = candidates(m);
    int victim = kind == FaultKind.KILL && candidates.contains(m.primary())
        && dice.chance(PRIMARY_CHANCE) ? m.primary() : dice.pick(candidates);
    plan.add(kind == FaultKind.KILL ? new Step.KillServer(victim)
        : new Step.FreezeServer(victim));
    for (int client : plan.model().clients()) {
      if (plan.model().serverOf(client) == victim) {
        MoveNemesis.attach(plan, dice, client, plan.model().liveList());
      }
    }
  }

  /** Servers that may go down now: up, not the last one up. */
  private List<Integer> candidates(Model model) {
    return model.liveList().stream()
        .filter(s -> model.problem(kind == FaultKind.KILL ? new Step.KillServer(s)
            : new Step.FreezeServer(s)) == null)
        .toList();
  }
}

package bayou.gen;

/** Joins a new server under the next unused id, up to {@code maxServers} live servers. */
final class JoinNemesis implements Nemesis {
  @Override public FaultKind kind() {
    return FaultKind.JOIN;
  }

  /**
   * Not while paused: {@code joinServer} waits until the new server is part of the system,
   * which needs the anti-entropy a pause stops, so it would only run into its bounded wait.
   */
  @Override public boolean possible(Model model, GeneratorOptions options) {
    return !model.paused() && model.live().size() < options.maxServers();
  }

  @Override public void plan(Plan plan, Dice dice, GeneratorOptions options) {
    plan.add(new Step.JoinServer(plan.model().nextId()));
  }
}

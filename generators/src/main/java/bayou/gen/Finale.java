package bayou.gen;

import java.util.List;

/**
 * The closing steps of a run: heal everything (links, slow links, pauses), let the system settle, read every key at every
 * live server and print every log, so the checkers see the converged state.
 */
final class Finale {
  private Finale() {
  }

  /** Plans the finale from {@code model}'s state; the keys are read in the given order. */
  static List<Step> plan(Model model, List<String> keys) {
    Plan plan = new Plan(model);
    for (int server : plan.model().downList()) {
      plan.add(plan.model().isKilled(server) ? new Step.RestartServer(server)
          : new Step.ThawServer(server));
    }
    PartitionNemesis.heal(plan);
    for (Link l : plan.model().brokenClientLinks()) {
      plan.add(new Step.RestoreConnection(l.a(), l.b()));
    }
    plan.model().fastSteps().forEach(plan::add);
    if (plan.model().paused()) {
      plan.add(new Step.Start());
    }
    plan.add(new Step.Stabilize());
    for (int server : plan.model().liveList()) {
      int reader = reader(plan.model(), server);
      if (plan.model().serverOf(reader) != server) {
        plan.add(new Step.JoinClient(reader, server));
      }
      for (String key : keys) {
        plan.add(new Step.Get(reader, key));
      }
    }
    for (int server : plan.model().liveList()) {
      plan.add(new Step.PrintLog(server));
    }
    return plan.steps();
  }

  /** The lowest client on {@code server}, or else the lowest client, to be moved there. */
  private static int reader(Model m, int server) {
    List<Integer> clients = m.clients();
    return clients.stream().filter(c -> m.serverOf(c) == server).findFirst()
        .orElse(clients.get(0));
  }
}

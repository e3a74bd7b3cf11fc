package bayou.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rare states planned on purpose: each corner is a short run of steps that leads the system
 * where random faults seldom go (retiring the primary while its heir holds writes the primary
 * never saw, retiring during a pause, right after a burst, in a chain; a client moved to a server
 * far behind; one key written on both sides of a partition, then read while the heal rolls the
 * tentative writes back). A corner whose steps the topology does not allow is not planned.
 */
final class Corners {
  /** The corners, named as results.json counts them. */
  enum Corner {
    RETIRE_PRIMARY_HEIR_AHEAD, RETIRE_DURING_PAUSE, RETIRE_AFTER_BURST, RETIRE_CHAIN,
    MOVE_TO_LAGGING, CONFLICT_ROLLBACK;

    String flagName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Writes in a burst before a retirement or while a server is cut off. */
  static final int BURST_WRITES_MIN = 3;
  static final int BURST_WRITES_MAX = 8;

  private Corners() {}

  /** Whether the enabled fault kinds can ever produce this corner. */
  static boolean enabled(Corner corner, GeneratorOptions options) {
    var kinds = options.nemesis();
    return switch (corner) {
      case RETIRE_PRIMARY_HEIR_AHEAD, RETIRE_DURING_PAUSE ->
          kinds.contains(FaultKind.RETIRE) && kinds.contains(FaultKind.PAUSE);
      case RETIRE_AFTER_BURST, RETIRE_CHAIN -> kinds.contains(FaultKind.RETIRE);
      case MOVE_TO_LAGGING -> kinds.contains(FaultKind.MOVE) && kinds.contains(FaultKind.PARTITION);
      case CONFLICT_ROLLBACK -> kinds.contains(FaultKind.PARTITION);
    };
  }

  /**
   * Plans the corner into {@code plan}; false (the plan then holds a partial run that must be
   * dropped) when the topology does not allow it now.
   */
  static boolean plan(Corner corner, Plan plan, Dice dice, GeneratorOptions options) {
    Model m = plan.model();
    if (m.paused() || m.live().size() < 2 || m.clients().isEmpty()) {
      return false;
    }
    return switch (corner) {
      case RETIRE_PRIMARY_HEIR_AHEAD -> retirePrimaryHeirAhead(plan, dice, options);
      case RETIRE_DURING_PAUSE -> add(plan, new Step.Pause())
          && retire(plan, dice, options, dice.pick(m.liveList()));
      case RETIRE_AFTER_BURST -> retireAfterBurst(plan, dice, options);
      case RETIRE_CHAIN -> retireChain(plan, dice, options);
      case MOVE_TO_LAGGING -> moveToLagging(plan, dice, options);
      case CONFLICT_ROLLBACK -> conflictRollback(plan, dice, options);
    };
  }

  /** Pause, a write at every other server the primary reaches, retire the primary, start. */
  private static boolean retirePrimaryHeirAhead(Plan plan, Dice dice, GeneratorOptions options) {
    int primary = plan.model().primary();
    if (!plan.model().isLive(primary) || !add(plan, new Step.Pause())) {
      return false;
    }
    for (int server : plan.model().liveList()) {
      if (server != primary && !plan.model().isBroken(primary, server)
          && !write(plan, dice, options, server)) {
        return false;
      }
    }
    return retire(plan, dice, options, primary) && add(plan, new Step.Start());
  }

  private static boolean retireAfterBurst(Plan plan, Dice dice, GeneratorOptions options) {
    int server = dice.pick(plan.model().liveList());
    int writes = dice.between(BURST_WRITES_MIN, BURST_WRITES_MAX);
    for (int i = 0; i < writes; i++) {
      if (!write(plan, dice, options, server)) {
        return false;
      }
    }
    return retire(plan, dice, options, server);
  }

  /** A server retires, then its heir, then the heir's heir while servers last. */
  private static boolean retireChain(Plan plan, Dice dice, GeneratorOptions options) {
    int retiree = dice.pick(plan.model().liveList());
    int chain = 0;
    while (retiree >= 0 && plan.model().live().size() > options.minServers() && chain < 3) {
      int heir = plan.model().heirOf(retiree);
      if (!retire(plan, dice, options, retiree)) {
        return false;
      }
      retiree = heir;
      chain++;
    }
    return chain >= 2;
  }

  /** Cut a server off, write elsewhere, move a writer to it, read and write, then heal it. */
  private static boolean moveToLagging(Plan plan, Dice dice, GeneratorOptions options) {
    Model m = plan.model();
    if (m.live().size() < 3) {
      return false;
    }
    int lagging = dice.pick(m.liveList());
    List<Integer> others = new ArrayList<>(m.liveList());
    others.remove((Integer) lagging);
    isolate(plan, lagging, others);
    int busy = dice.pick(others);
    int writer = clientAt(plan, busy);
    int writes = dice.between(BURST_WRITES_MIN, BURST_WRITES_MAX);
    for (int i = 0; i < writes && writer >= 0; i++) {
      add(plan, new Step.Put(writer, key(dice, options), plan.freshValue()));
    }
    if (writer < 0 || !add(plan, new Step.JoinClient(writer, lagging))) {
      return false;
    }
    String key = key(dice, options);
    add(plan, new Step.Get(writer, key));
    add(plan, new Step.Put(writer, key, plan.freshValue()));
    heal(plan, lagging, others);
    return add(plan, new Step.Get(writer, key));
  }

  /** One key written on both sides of a cut, read on each side, then read during the heal. */
  private static boolean conflictRollback(Plan plan, Dice dice, GeneratorOptions options) {
    Model m = plan.model();
    int primary = m.isLive(m.primary()) ? m.primary() : m.liveList().get(0);
    List<Integer> others = new ArrayList<>(m.liveList());
    others.remove((Integer) primary);
    int cut = dice.pick(others);
    others.remove((Integer) cut);
    others.add(primary);
    isolate(plan, cut, others);
    int here = clientAt(plan, primary);
    int there = clientAt(plan, cut);
    if (here < 0 || there < 0 || here == there) {
      return false;
    }
    String key = key(dice, options);
    add(plan, new Step.Put(here, key, plan.freshValue()));
    add(plan, new Step.Put(there, key, plan.freshValue()));
    add(plan, new Step.Get(there, key));
    heal(plan, cut, others);
    add(plan, new Step.Get(there, key));
    return add(plan, new Step.Get(here, key));
  }

  /** Retires a server (a replacement joins first at the floor) and moves its clients away. */
  private static boolean retire(Plan plan, Dice dice, GeneratorOptions options, int retiree) {
    Model m = plan.model();
    if (RetireNemesis.spared(m, retiree, dice)) {
      return false; // not now, or every later name grows a level
    }
    if (m.live().size() <= options.minServers()) {
      if (m.paused() || m.live().size() >= options.maxServers()
          || !add(plan, new Step.JoinServer(m.nextId()))) {
        return false;
      }
    }
    if (!add(plan, new Step.RetireServer(retiree))) {
      return false;
    }
    for (int client : plan.model().clients()) {
      if (plan.model().serverOf(client) == retiree) {
        MoveNemesis.attach(plan, dice, client, plan.model().liveList());
      }
    }
    return true;
  }

  /** A put at this server through a client there (one is moved there when none is). */
  private static boolean write(Plan plan, Dice dice, GeneratorOptions options, int server) {
    int client = clientAt(plan, server);
    return client >= 0 && add(plan, new Step.Put(client, key(dice, options), plan.freshValue()));
  }

  /** A client attached to this server and reaching it, moving the lowest free one if needed. */
  private static int clientAt(Plan plan, int server) {
    Model m = plan.model();
    for (int client : m.clients()) {
      if (m.serverOf(client) == server && m.connected(client)) {
        return client;
      }
    }
    for (int client : m.clients()) {
      if (m.connected(client) && add(plan, new Step.JoinClient(client, server))) {
        return client;
      }
    }
    return -1;
  }

  private static void isolate(Plan plan, int server, List<Integer> from) {
    for (int other : from) {
      if (!plan.model().isBroken(server, other)) {
        add(plan, new Step.BreakConnection(server, other));
      }
    }
  }

  private static void heal(Plan plan, int server, List<Integer> with) {
    for (int other : with) {
      if (plan.model().isBroken(server, other)) {
        add(plan, new Step.RestoreConnection(server, other));
      }
    }
  }

  private static String key(Dice dice, GeneratorOptions options) {
    return Workload.key(dice.below(options.keys()));
  }

  /** Adds the step when the topology allows it; false, adding nothing, when it does not. */
  private static boolean add(Plan plan, Step step) {
    if (plan.model().problem(step) != null) {
      return false;
    }
    plan.add(step);
    return true;
  }
}

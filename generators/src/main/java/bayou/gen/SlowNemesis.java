package bayou.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * Slows a link between two live servers, or every link of one, or makes a slow one fast again:
 * packets are lost, duplicated, delayed and reordered, but still flow (the partition nemesis cuts
 * them). Half the time a slow fault in effect is undone first, so faults come and go.
 */
final class SlowNemesis implements Nemesis {
  /** Chance that a fault slows a whole server rather than one link. */
  static final double WHOLE_SERVER = 0.3;

  @Override public FaultKind kind() {
    return FaultKind.SLOW;
  }

  @Override public boolean possible(Model model, GeneratorOptions options) {
    return !undoable(model).isEmpty() || !candidates(model).isEmpty();
  }

  @Override public void plan(Plan plan, Dice dice, GeneratorOptions options) {
    Model m = plan.model();
    List<Step> undo = undoable(m);
    List<Step> slow = candidates(m);
    if (!undo.isEmpty() && (slow.isEmpty() || dice.chance(0.5))) {
      plan.add(dice.pick(undo));
      return;
    }
    List<Step> servers = slow.stream().filter(s -> ((Step.Slow) s).b() < 0).toList();
    List<Step> links = slow.stream().filter(s -> ((Step.Slow) s).b() >= 0).toList();
    boolean whole = !servers.isEmpty() && (links.isEmpty() || dice.chance(WHOLE_SERVER));
    plan.add(dice.pick(whole ? servers : links));
  }

  /** The slow faults in effect whose servers are up (a killed or frozen one waits). */
  private static List<Step> undoable(Model m) {
    return m.fastSteps().stream().filter(step -> {
      Step.Fast fast = (Step.Fast) step;
      return m.isLive(fast.a()) && (fast.b() < 0 || m.isLive(fast.b()));
    }).toList();
  }

  /** Every slow step that is not in effect yet. */
  private static List<Step> candidates(Model m) {
    List<Integer> live = m.liveList();
    List<Step> steps = new ArrayList<>();
    if (live.size() < 2) {
      return steps;
    }
    for (int a : live) {
      if (!m.isSlow(a, -1)) {
        steps.add(new Step.Slow(a, -1));
      }
      for (int b : live) {
        if (a < b && !m.isSlow(a, b)) {
          steps.add(new Step.Slow(a, b));
        }
      }
    }
    return steps;
  }
}

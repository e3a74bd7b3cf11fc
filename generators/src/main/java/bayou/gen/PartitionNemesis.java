package bayou.gen;

import java.util.EnumMap;
import java.util.Map;

/**
 * Heals the current partition, or heals it and cuts a new shape. Healing first means each
 * partition is exactly its shape, never the sum of several.
 */
final class PartitionNemesis implements Nemesis {
  /** While partitioned, the chance that the fault is a plain heal rather than a new shape. */
  static final double HEAL_PROBABILITY = 0.5;

  @Override public FaultKind kind() {
    return FaultKind.PARTITION;
  }

  @Override public boolean possible(Model model, GeneratorOptions options) {
    return !model.brokenServerLinks().isEmpty() || !shapes(model, options).isEmpty();
  }

  @Override public void plan(Plan plan, Dice dice, GeneratorOptions options) {
    Map<PartitionShape, Integer> shapes = shapes(plan.model(), options);
    boolean partitioned = !plan.model().brokenServerLinks().isEmpty();
    heal(plan);
    if (shapes.isEmpty() || partitioned && dice.chance(HEAL_PROBABILITY)) {
      return;
    }
    PartitionShape shape = dice.weighted(shapes);
    for (Link l : Partitions.cut(shape, plan.model().liveList(), dice)) {
      plan.add(new Step.BreakConnection(l.a(), l.b()));
    }
  }

  /** Restores every broken link between live servers. */
  static void heal(Plan plan) {
    for (Link l : plan.model().brokenServerLinks()) {
      plan.add(new Step.RestoreConnection(l.a(), l.b()));
    }
  }

  /** The shapes with a positive weight that the live servers are enough for. */
  private static Map<PartitionShape, Integer> shapes(Model model, GeneratorOptions options) {
    Map<PartitionShape, Integer> shapes = new EnumMap<>(PartitionShape.class);
    options.partitionWeights().forEach((shape, weight) -> {
      if (weight > 0 && model.live().size() >= shape.minServers()) {
        shapes.put(shape, weight);
      }
    });
    return shapes;
  }
}

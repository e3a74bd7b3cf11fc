package bayou.gen;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The one seeded source of every random choice of a schedule, with the few helpers the
 * generators need. Nothing here iterates a hash-ordered collection, so a seed replays exactly.
 */
final class Dice {
  /** A JDK algorithm with a specified output, so a seed means the same schedule everywhere. */
  static final String ALGORITHM = "L64X128MixRandom";

  private final RandomGenerator random;

  Dice(long seed) {
    random = RandomGeneratorFactory.of(ALGORITHM).create(seed);
  }

  /** Uniform in {@code [0, bound)}. */
  int below(int bound) {
    return random.nextInt(bound);
  }

  /** Uniform in {@code [min, max]}. */
  int between(int min, int max) {
    return random.nextInt(min, max + 1);
  }

  boolean chance(double p) {
    return p > 0 && random.nextDouble() < p;
  }

  <T> T pick(List<T> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("cannot pick from an empty list");
    }
    return items.get(below(items.size()));
  }

  /** A key drawn with probability proportional to its weight; iterates the map in its order. */
  <T> T weighted(Map<T, Integer> weights) {
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    if (total <= 0) {
      throw new IllegalArgumentException("weights must not all be 0: " + weights);
    }
    int roll = below(total);
    for (Map.Entry<T, Integer> e : weights.entrySet()) {
      roll -= e.getValue();
      if (roll < 0) {
        return e.getKey();
      }
    }
    throw new AssertionError("unreachable: roll beyond the total weight");
  }

  /** Fisher-Yates in place, drawing from this generator (not {@code Collections.shuffle}). */
  <T> void shuffle(List<T> items) {
    for (int i = items.size() - 1; i > 0; i--) {
      int j = below(i + 1);
      T t = items.get(i);
      items.set(i, items.get(j));
      items.set(j, t);
    }
  }
}

package bayou.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** The server links each {@link PartitionShape} breaks, drawn over a set of live servers. */
final class Partitions {
  private Partitions() {
  }

  /**
   * The links to break so that {@code servers} take the given shape.
   *
   * @param servers the live servers, at least {@code shape.minServers()} of them
   */
  static SortedSet<Link> cut(PartitionShape shape, List<Integer> servers, Dice dice) {
    if (servers.size() < shape.minServers()) {
      throw new IllegalArgumentException(shape + " needs " + shape.minServers()
          + " servers, got " + servers.size());
    }
    List<Integer> order = new ArrayList<>(servers);
    dice.shuffle(order);
    return switch (shape) {
      case HALVES -> between(order.subList(0, order.size() / 2),
          order.subList(order.size() / 2, order.size()));
      case ISOLATE -> between(order.subList(0, 1), order.subList(1, order.size()));
      case BRIDGE -> bridge(order);
      case MAJORITIES_RING -> ring(order);
      case RANDOM_GRUDGE -> grudge(order, dice);
    };
  }

  /** Every link from a server of {@code left} to a server of {@code right}. */
  private static SortedSet<Link> between(List<Integer> left, List<Integer> right) {
    SortedSet<Link> cut = new TreeSet<>();
    for (int a : left) {
      for (int b : right) {
        cut.add(new Link(a, b));
      }
    }
    return cut;
  }

  /** The first server is the bridge; the others split in two halves that only it joins. */
  private static SortedSet<Link> bridge(List<Integer> order) {
    List<Integer> rest = order.subList(1, order.size());
    return between(rest.subList(0, rest.size() / 2), rest.subList(rest.size() / 2, rest.size()));
  }

  /**
   * Servers in ring order keep the links to their nearest {@code reach} neighbours on each side,
   * so each one sees itself and {@code 2 * reach >= n / 2} others: a majority, different for
   * every server.
   */
  private static SortedSet<Link> ring(List<Integer> order) {
    int n = order.size();
    int reach = (n / 2 + 1) / 2;
    SortedSet<Link> cut = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        int distance = Math.min(j - i, n - (j - i));
        if (distance > reach) {
          cut.add(new Link(order.get(i), order.get(j)));
        }
      }
    }
    return cut;
  }

  /** Each pair cut with probability 1/2; if the dice cut none, one random pair. */
  private static SortedSet<Link> grudge(List<Integer> order, Dice dice) {
    SortedSet<Link> cut = new TreeSet<>();
    for (int i = 0; i < order.size(); i++) {
      for (int j = i + 1; j < order.size(); j++) {
        if (dice.chance(0.5)) {
          cut.add(new Link(order.get(i), order.get(j)));
        }
      }
    }
    if (cut.isEmpty()) {
      cut.add(new Link(order.get(0), order.get(1)));
    }
    return cut;
  }
}

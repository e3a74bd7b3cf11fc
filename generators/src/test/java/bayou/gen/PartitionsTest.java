package bayou.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PartitionsTest {
  private static final int SEEDS = 50;
  private static final int MOST_SERVERS = 9;

  private static ClusterView cut(PartitionShape shape, int n, long seed) {
    List<Integer> servers = IntStream.range(0, n).boxed().toList();
    SortedSet<Link> broken = Partitions.cut(shape, servers, new Dice(seed));
    for (Link l : broken) {
      assertTrue(servers.contains(l.a()) && servers.contains(l.b()), l.toString());
    }
    return new ClusterView(new TreeSet<>(servers), new TreeMap<>(), broken, false);
  }

  @Test void halvesAreTwoGroupsOfNearEqualSize() {
    forEach(PartitionShape.HALVES, (n, v) -> {
      List<SortedSet<Integer>> groups = v.partition();
      assertEquals(2, groups.size(), v.describe());
      assertTrue(Math.abs(groups.get(0).size() - groups.get(1).size()) <= 1, v.describe());
      assertEquals(n / 2 * (n - n / 2), v.brokenLinks().size(), "every cross link is cut");
    });
  }

  @Test void isolateCutsOneServerOff() {
    forEach(PartitionShape.ISOLATE, (n, v) -> {
      assertEquals(2, v.partition().size(), v.describe());
      assertEquals(n - 1, v.brokenLinks().size());
    });
  }

  @Test void bridgeKeepsOneServerLinkedToBothHalves() {
    forEach(PartitionShape.BRIDGE, (n, v) -> {
      assertEquals(1, v.partition().size(), "the bridge connects the halves " + v.describe());
      long bridges = v.liveServers().stream()
          .filter(s -> v.brokenLinks().stream().noneMatch(l -> l.touches(s))).count();
      assertTrue(bridges >= 1, "a server with no cut link: " + v.brokenLinks());
      assertFalse(v.brokenLinks().isEmpty());
    });
  }

  @Test void majoritiesRingGivesEveryServerADistinctMajority() {
    forEach(PartitionShape.MAJORITIES_RING, (n, v) -> {
      Map<Integer, Set<Integer>> sees = new TreeMap<>();
      for (int s : v.liveServers()) {
        Set<Integer> seen = new TreeSet<>();
        for (int t : v.liveServers()) {
          if (s == t || !v.brokenLinks().contains(new Link(s, t))) {
            seen.add(t);
          }
        }
        assertTrue(seen.size() > n / 2, s + " sees only " + seen + " of " + n);
        assertTrue(seen.size() < n, s + " sees everyone");
        sees.put(s, seen);
      }
      assertEquals(n, new HashSet<>(sees.values()).size(), "distinct: " + sees);
    });
  }

  @Test void randomGrudgeCutsAtLeastOneLink() {
    forEach(PartitionShape.RANDOM_GRUDGE, (n, v) -> assertFalse(v.brokenLinks().isEmpty()));
  }

  @Test void refusesTooFewServers() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Partitions.cut(PartitionShape.MAJORITIES_RING, List.of(0, 1, 2), new Dice(1)));
    assertEquals("MAJORITIES_RING needs 4 servers, got 3", e.getMessage());
  }

  private static void forEach(PartitionShape shape,
      BiConsumer<Integer, ClusterView> check) {
    for (int n = shape.minServers(); n <= MOST_SERVERS; n++) {
      for (long seed = 0; seed < SEEDS; seed++) {
        check.accept(n, cut(shape, n, seed));
      }
    }
  }
}

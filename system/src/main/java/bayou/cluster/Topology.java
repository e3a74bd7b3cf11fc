package bayou.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Live servers and the server-server links that are broken: who can gossip with whom. */
final class Topology {
  private final TreeSet<Integer> servers = new TreeSet<>();
  private final Set<Long> broken = new HashSet<>();

  void addServer(int id) {
    servers.add(id);
  }

  void removeServer(int id) {
    servers.remove(id);
    broken.removeIf(link -> (int) (link >> 32) == id || (int) (long) link == id);
  }

  boolean isServer(int id) {
    return servers.contains(id);
  }

  List<Integer> servers() {
    return List.copyOf(servers);
  }

  void setBroken(int a, int b, boolean isBroken) {
    if (isBroken) {
      broken.add(link(a, b));
    } else {
      broken.remove(link(a, b));
    }
  }

  boolean connected(int a, int b) {
    return a != b && !broken.contains(link(a, b));
  }

  /** The first live server (by id) that {@code id} can reach, or -1. */
  int firstReachableFrom(int id) {
    for (int other : servers) {
      if (connected(id, other)) {
        return other;
      }
    }
    return -1;
  }

  /** Groups of servers that can reach each other, directly or through others. */
  List<List<Integer>> groups() {
    List<List<Integer>> groups = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (int start : servers) {
      if (seen.add(start)) {
        List<Integer> group = new ArrayList<>();
        List<Integer> frontier = new ArrayList<>(List.of(start));
        while (!frontier.isEmpty()) {
          int at = frontier.remove(frontier.size() - 1);
          group.add(at);
          for (int next : servers) {
            if (connected(at, next) && seen.add(next)) {
              frontier.add(next);
            }
          }
        }
        groups.add(group);
      }
    }
    return groups;
  }

  List<int[]> brokenLinks() {
    return broken.stream().sorted()
        .map(link -> new int[] {(int) (link >> 32), (int) (long) link}).toList();
  }

  private static long link(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }
}

package bayou.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Live servers and the server-server links that are broken: who can gossip with whom. A server
 * that is down (killed or frozen) keeps its links for when it comes back, but counts as live
 * for nothing until then.
 */
final class Topology {
  private final TreeSet<Integer> servers = new TreeSet<>();
  private final Set<Long> broken = new HashSet<>();
  private final Set<Integer> down = new HashSet<>();

  void setDown(int id, boolean isDown) {
    if (isDown) {
      down.add(id);
    } else {
      down.remove(id);
    }
  }

  boolean isDown(int id) {
    return down.contains(id);
  }

  /** Servers down now, ascending. */
  List<Integer> downServers() {
    return down.stream().sorted().toList();
  }

  /** Broken links between {@code id} and up servers, as the other end's ids. */
  List<Integer> brokenFrom(int id) {
    return servers.stream().filter(other -> other != id && !down.contains(other)
        && broken.contains(link(id, other))).toList();
  }

  void addServer(int id) {
    servers.add(id);
  }

  void removeServer(int id) {
    servers.remove(id);
    down.remove(id);
    broken.removeIf(link -> (int) (link >> 32) == id || (int) (long) link == id);
  }

  boolean isServer(int id) {
    return servers.contains(id);
  }

  /** The live servers that are up. */
  List<Integer> servers() {
    return servers.stream().filter(id -> !down.contains(id)).toList();
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
    for (int other : servers()) {
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
    List<Integer> up = servers();
    for (int start : up) {
      if (seen.add(start)) {
        List<Integer> group = new ArrayList<>();
        List<Integer> frontier = new ArrayList<>(List.of(start));
        while (!frontier.isEmpty()) {
          int at = frontier.remove(frontier.size() - 1);
          group.add(at);
          for (int next : up) {
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
        .map(link -> new int[] {(int) (link >> 32), (int) (long) link})
        .filter(link -> !down.contains(link[0]) && !down.contains(link[1])).toList();
  }

  private static long link(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }
}

package bayou.checker;

import bayou.history.NemesisEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who reaches whom among the live servers, replayed from the nemesis events (joins, retirements,
 * broken and restored server links, pause and start), so that a checker knows the connected
 * groups at any event. Links to clients are ignored: they do not carry anti-entropy.
 */
final class ServerGraph {
  private final Set<Integer> servers = new LinkedHashSet<>();
  private final Set<Long> broken = new HashSet<>();
  private final Set<Integer> down = new HashSet<>();
  private boolean paused;

  /** Follows one nemesis event; returns whether it changed who reaches whom. */
  void follow(NemesisEvent event) {
    switch (event.f()) {
      case "joinServer" -> servers.add(event.a());
      case "retireServer" -> {
        servers.remove(event.a());
        down.remove(event.a());
      }
      // a server down is out of every group until it is back; its links wait for it
      case "killServer", "freezeServer" -> {
        servers.remove(event.a());
        down.add(event.a());
      }
      case "restartServer", "thawServer" -> {
        servers.add(event.a());
        down.remove(event.a());
      }
      case "break" -> link(event.a(), event.b(), true);
      case "restore" -> link(event.a(), event.b(), false);
      case "pause" -> paused = true;
      case "start" -> paused = false;
      default -> { }
    }
  }

  private void link(int a, int b, boolean cut) {
    if (servers.contains(a) && servers.contains(b)) {
      if (cut) {
        broken.add(key(a, b));
      } else {
        broken.remove(key(a, b));
      }
    }
  }

  /** One number for the link between two master ids, the same either way round. */
  static long key(int a, int b) {
    return ((long) Math.min(a, b) << 32) | (Math.max(a, b) & 0xffffffffL);
  }

  boolean paused() {
    return paused;
  }

  /** Whether some server is killed or frozen: it may hold what the others wait for. */
  boolean anyDown() {
    return !down.isEmpty();
  }

  boolean isLive(int server) {
    return servers.contains(server);
  }

  /** Whether every live server reaches every other one. */
  boolean whole() {
    return !servers.isEmpty() && component(servers.iterator().next()).size() == servers.size();
  }

  /** The live servers that reach this one, it included; empty when it is not live. */
  Set<Integer> component(int server) {
    Set<Integer> seen = new LinkedHashSet<>();
    if (!servers.contains(server)) {
      return seen;
    }
    Deque<Integer> todo = new ArrayDeque<>();
    seen.add(server);
    todo.add(server);
    while (!todo.isEmpty()) {
      int at = todo.poll();
      for (int other : servers) {
        if (!seen.contains(other) && !broken.contains(key(at, other))) {
          seen.add(other);
          todo.add(other);
        }
      }
    }
    return seen;
  }
}

package bayou.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An independent replay of a generated schedule, written apart from {@link Model}, that checks
 * each step against the topology and the generator's own policies (moves right after a
 * retirement, pauses that end, unique put values, keys in range).
 */
final class ReferenceReplay {
  final Set<Integer> live = new TreeSet<>();
  final Set<Integer> retired = new HashSet<>();
  final Map<Integer, Integer> clients = new HashMap<>();
  final Set<Long> broken = new HashSet<>();
  final Set<String> values = new HashSet<>();
  final Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
  final Set<Integer> mustMove = new HashSet<>();
  /** Servers down: killed (true) or frozen (false), out of {@link #live} until back. */
  final Map<Integer, Boolean> down = new HashMap<>();
  /** Slow links ("a b", a < b) and slow servers ("a"). */
  final Set<String> slow = new HashSet<>();
  boolean paused;
  private final GeneratorOptions options;
  private final long seed;
  private final int openingSteps;
  private int pausedFor;
  private int cutClient = -1;
  private Map<Integer, Integer> clientsAtStabilize = Map.of();

  ReferenceReplay(GeneratorOptions options, long seed) {
    this.options = options;
    this.seed = seed;
    this.openingSteps = options.servers() + options.clients();
  }

  String where(List<Step> all) {
    return "seed " + seed + " " + options + " step " + all.size() + ": "
        + (all.isEmpty() ? "" : all.get(all.size() - 1).toLine());
  }

  private static long link(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  void check(Step step, List<Step> all) {
    all.add(step);
    String at = where(all);
    boolean opening = all.size() <= openingSteps;
    if (!mustMove.isEmpty()) {
      assertTrue(step instanceof Step.JoinClient || step instanceof Step.RestoreConnection,
          "clients of a retired server move at once: " + at);
    }
    if (cutClient >= 0) {
      assertTrue(step instanceof Step.RestoreConnection r
          && (r.a() == cutClient || r.b() == cutClient), "a cut client is moved at once: " + at);
    }
    pausedFor = paused ? pausedFor + 1 : 0;
    int longestFault = options.maxServers() * options.maxServers();
    assertTrue(pausedFor <= options.maxPauseSteps() + longestFault + 1, "pause ends: " + at);
    if (step instanceof Step.JoinServer s) {
      assertFalse(live.contains(s.id()) || retired.contains(s.id()) || down.containsKey(s.id())
          || clients.containsKey(s.id()), "fresh id: " + at);
      assertTrue(live.size() < options.maxServers() && !paused, "join allowed: " + at);
      live.add(s.id());
      if (!opening) {
        kinds.add(FaultKind.JOIN);
      }
    } else if (step instanceof Step.RetireServer s) {
      retire(s.id(), at);
    } else if (step instanceof Step.JoinClient s) {
      joinClient(s.client(), s.server(), opening, at);
    } else if (step instanceof Step.BreakConnection s) {
      cut(s.a(), s.b(), at);
    } else if (step instanceof Step.RestoreConnection s) {
      restore(s.a(), s.b(), at);
    } else if (step instanceof Step.Pause) {
      assertFalse(paused, "pause while paused: " + at);
      paused = true;
      kinds.add(FaultKind.PAUSE);
    } else if (step instanceof Step.Slow s) {
      assertTrue(live.contains(s.a()) && (s.b() < 0 || live.contains(s.b())),
          "slow of live servers: " + at);
      assertTrue(slow.add(slowKey(s.a(), s.b())), "slow of a fast one: " + at);
      kinds.add(FaultKind.SLOW);
    } else if (step instanceof Step.Fast s) {
      assertTrue(slow.remove(slowKey(s.a(), s.b())), "fast of a slow one: " + at);
    } else if (step instanceof Step.Start) {
      assertTrue(paused, "start while running: " + at);
      paused = false;
    } else if (step instanceof Step.Stabilize) {
      clientsAtStabilize = new HashMap<>(clients);
    } else if (step instanceof Step.KillServer s) {
      takeDown(s.id(), true, at);
    } else if (step instanceof Step.FreezeServer s) {
      takeDown(s.id(), false, at);
    } else if (step instanceof Step.RestartServer s) {
      assertEquals(Boolean.TRUE, down.remove(s.id()), "restart of a killed server: " + at);
      live.add(s.id());
    } else if (step instanceof Step.ThawServer s) {
      assertEquals(Boolean.FALSE, down.remove(s.id()), "thaw of a frozen server: " + at);
      live.add(s.id());
    } else if (step instanceof Step.SkewClock s) {
      assertTrue(live.contains(s.id()), "skew of a live server: " + at);
      kinds.add(FaultKind.CLOCK);
    } else if (step instanceof Step.PrintLog s) {
      assertTrue(live.contains(s.id()), "printLog of a live server: " + at);
    } else if (step instanceof Step.Put s) {
      clientOp(s.client(), s.key(), at);
      assertTrue(values.add(s.value()), "unique value: " + at);
    } else if (step instanceof Step.Get s) {
      clientOp(s.client(), s.key(), at);
    } else if (step instanceof Step.Delete s) {
      clientOp(s.client(), s.key(), at);
    }
  }

  /** A kill or freeze of an up server, never the last; its clients move at once. */
  private void takeDown(int id, boolean kill, String at) {
    assertTrue(live.contains(id) && live.size() >= 2, "kill or freeze allowed: " + at);
    live.remove(id);
    down.put(id, kill);
    clients.forEach((c, s) -> {
      if (s == id) {
        mustMove.add(c);
      }
    });
    kinds.add(kill ? FaultKind.KILL : FaultKind.FREEZE);
  }

  private static String slowKey(int a, int b) {
    return b < 0 ? Integer.toString(a) : Math.min(a, b) + " " + Math.max(a, b);
  }

  private void retire(int id, String at) {
    assertTrue(live.contains(id) && live.size() >= 2, "retire allowed: " + at);
    assertTrue(live.stream().anyMatch(p -> p != id && !broken.contains(link(id, p))),
        "the retiree reaches a peer: " + at);
    live.remove(id);
    retired.add(id);
    broken.removeIf(l -> (int) (l >>> 32) == id || (int) (long) l == id);
    slow.removeIf(k -> java.util.Arrays.asList(k.split(" ")).contains(Integer.toString(id)));
    clients.forEach((c, s) -> {
      if (s == id) {
        mustMove.add(c);
      }
    });
    kinds.add(FaultKind.RETIRE);
  }

  private void joinClient(int c, int s, boolean opening, String at) {
    assertTrue(live.contains(s), "joinClient to a live server: " + at);
    assertFalse(live.contains(c) || retired.contains(c), "client id is no server: " + at);
    assertFalse(broken.contains(link(c, s)), "joinClient over a cut link: " + at);
    if (!opening && !mustMove.remove(c)) {
      kinds.add(FaultKind.MOVE);
    }
    clients.put(c, s);
  }

  private void cut(int a, int b, String at) {
    assertFalse(broken.contains(link(a, b)), "break of a broken link: " + at);
    if (live.contains(a) && live.contains(b)) {
      kinds.add(FaultKind.PARTITION);
    } else {
      int c = clients.containsKey(a) ? a : b;
      assertTrue(clients.containsKey(c) && live.contains(a + b - c), "client link: " + at);
      assertEquals(clients.get(c), a + b - c, "a move cuts the client's own link: " + at);
      cutClient = c;
      kinds.add(FaultKind.MOVE);
    }
    broken.add(link(a, b));
  }

  private void restore(int a, int b, String at) {
    if (live.contains(a) && live.contains(b)) {
      assertTrue(broken.remove(link(a, b)), "the generator restores only cut links: " + at);
      return;
    }
    int c = clients.containsKey(a) ? a : b;
    assertTrue(clients.containsKey(c) && live.contains(a + b - c), "client link: " + at);
    broken.remove(link(a, b));
    clients.put(c, a + b - c);
    mustMove.remove(c);
    cutClient = -1;
  }

  private void clientOp(int c, String key, String at) {
    Integer s = clients.get(c);
    assertTrue(s != null && live.contains(s), "client attached to a live server: " + at);
    assertFalse(broken.contains(link(c, s)), "client reaches its server: " + at);
    assertTrue(key.matches("k[0-9]+") && Integer.parseInt(key.substring(1)) < options.keys(),
        "key in range: " + at);
  }

  /** After the finale: healed, running, every live server read for every key, then logged. */
  void checkFinale(List<Step> finale, ClusterView view, List<Step> all) {
    String at = where(all);
    assertTrue(broken.isEmpty() && !paused && mustMove.isEmpty() && down.isEmpty(),
        "healed: " + at);
    assertTrue(slow.isEmpty(), "every slow link is fast again: " + at);
    assertTrue(view.brokenLinks().isEmpty() && !view.paused(), "view healed: " + at);
    assertEquals(live, view.liveServers(), at);
    int stabilize = finale.indexOf(new Step.Stabilize());
    assertTrue(stabilize >= 0, "the finale stabilizes: " + at);
    Map<Integer, Integer> at2 = new HashMap<>(clientsAtStabilize);
    Map<Integer, Set<String>> readAt = new HashMap<>();
    for (Step s : finale.subList(stabilize, finale.size())) {
      if (s instanceof Step.JoinClient j) {
        at2.put(j.client(), j.server());
      } else if (s instanceof Step.Get g) {
        readAt.computeIfAbsent(at2.get(g.client()), k -> new HashSet<>()).add(g.key());
      } else if (!(s instanceof Step.PrintLog || s instanceof Step.Stabilize)) {
        fail("unexpected after stabilize: " + s.toLine() + " " + at);
      }
    }
    for (int s : live) {
      assertEquals(options.keys(), readAt.getOrDefault(s, Set.of()).size(), "reads at " + s);
    }
    List<Step> tail = finale.subList(finale.size() - live.size(), finale.size());
    assertEquals(live.stream().map(Step.PrintLog::new).toList(), tail, at);
  }
}

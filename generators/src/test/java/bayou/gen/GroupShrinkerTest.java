package bayou.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class GroupShrinkerTest {
  /** Fails iff client 7 puts k2 and later reads k2, with a partition somewhere before. */
  static boolean sessionPattern(List<Step> steps) {
    boolean broken = false;
    boolean wrote = false;
    for (Step step : steps) {
      broken |= step instanceof Step.BreakConnection;
      wrote |= broken && step instanceof Step.Put put && put.client() == 7
          && put.key().equals("k2");
      if (wrote && step instanceof Step.Get get && get.client() == 7 && get.key().equals("k2")) {
        return true;
      }
    }
    return false;
  }

  /** Three servers, six clients (4..9), four keys and a few faults, seeded; it fails. */
  static List<Step> busyScript() {
    List<String> lines = new ArrayList<>(List.of("joinServer 0", "joinServer 1", "joinServer 2"));
    for (int client = 4; client <= 9; client++) {
      lines.add("joinClient " + client + " " + (client % 3));
    }
    lines.add("breakConnection 1 2");
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 300; i++) {
      if (i == 100) {
        lines.add("put 7 k2 seen");
      } else if (i == 200) {
        lines.add("get 7 k2");
      }
      int client = 4 + random.nextInt(6);
      String key = "k" + random.nextInt(4);
      switch (random.nextInt(10)) {
        case 0 -> lines.add("breakConnection 0 1");
        case 1 -> lines.add("restoreConnection 0 1");
        case 2 -> lines.add("stabilize");
        case 3, 4, 5 -> lines.add("put " + client + " " + key + " v" + i);
        default -> lines.add("get " + client + " " + key);
      }
    }
    return Shrinker.repair(Script.parse(lines));
  }

  @Test
  void dropsEverySessionKeyAndFaultKindTheFailureDoesNotNeed() {
    List<Step> script = busyScript();
    assertTrue(sessionPattern(script), "the fixture must fail");
    AtomicInteger tests = new AtomicInteger();
    Predicate<List<Step>> counted = steps -> {
      tests.incrementAndGet();
      return sessionPattern(steps);
    };
    List<Step> shrunk = GroupShrinker.shrink(script, counted, Long.MAX_VALUE, () -> 0L);

    assertTrue(sessionPattern(shrunk));
    for (Step step : shrunk) {
      if (step.isClientOp() || step instanceof Step.JoinClient) {
        assertTrue(GroupShrinker.groupsOf(step).contains("client 7"), "kept " + step);
      }
      if (step.isClientOp()) {
        assertTrue(GroupShrinker.groupsOf(step).contains("key k2"), "kept " + step);
      }
      assertTrue(!(step instanceof Step.Stabilize), "kept " + step);
    }
    assertTrue(shrunk.size() < script.size() / 5, shrunk.size() + " of " + script.size());
    assertEquals(GroupShrinker.groupsBySize(script).size(), tests.get(),
        "one test per group");
  }

  @Test
  void startsNoTestPastTheDeadline() {
    List<Step> script = busyScript();
    AtomicInteger tests = new AtomicInteger();
    List<Step> shrunk = GroupShrinker.shrink(script, steps -> tests.incrementAndGet() > 0,
        0, () -> 1L);
    assertEquals(script, shrunk);
    assertEquals(0, tests.get());
  }
}

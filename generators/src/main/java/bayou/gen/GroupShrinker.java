package bayou.gen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The pass before delta debugging: drops whole groups of related steps at once (every step of
 * one client, every operation on one key, every fault of one kind, one server), one test per
 * group, largest group first. A failure usually involves one or two sessions and keys, so most
 * groups go and ddmin starts from a fraction of the script; it would otherwise spend most of
 * its tests rediscovering that whole sessions do not matter.
 */
public final class GroupShrinker {
  private GroupShrinker() {}

  /**
   * The failing script with every group removed whose removal still fails; stops starting new
   * tests once {@code nanoTime} passes {@code deadlineNanos}.
   */
  public static List<Step> shrink(List<Step> failing, Predicate<List<Step>> stillFails,
      long deadlineNanos, LongSupplier nanoTime) {
    List<Step> current = List.copyOf(failing);
    for (String group : groupsBySize(current)) {
      if (nanoTime.getAsLong() - deadlineNanos >= 0) {
        break;
      }
      List<Step> candidate = Shrinker.repair(current.stream()
          .filter(step -> !groupsOf(step).contains(group)).toList());
      if (candidate.size() < current.size() && !candidate.isEmpty()
          && stillFails.test(candidate)) {
        current = candidate;
      }
    }
    return current;
  }

  /** The groups of a script, largest first; ties keep first-seen order. */
  static List<String> groupsBySize(List<Step> steps) {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (Step step : steps) {
      for (String group : groupsOf(step)) {
        sizes.merge(group, 1, Integer::sum);
      }
    }
    List<String> groups = new ArrayList<>(sizes.keySet());
    groups.sort(Comparator.comparing(sizes::get).reversed());
    return groups;
  }

  /** The groups a step belongs to; removing a group removes every step in it. */
  static List<String> groupsOf(Step step) {
    if (step instanceof Step.Put put) {
      return List.of("client " + put.client(), "key " + put.key());
    } else if (step instanceof Step.Get get) {
      return List.of("client " + get.client(), "key " + get.key(), "reads");
    } else if (step instanceof Step.Delete delete) {
      return List.of("client " + delete.client(), "key " + delete.key());
    } else if (step instanceof Step.JoinClient join) {
      return List.of("client " + join.client());
    } else if (step instanceof Step.BreakConnection || step instanceof Step.RestoreConnection) {
      return List.of("partitions");
    } else if (step instanceof Step.Slow || step instanceof Step.Fast) {
      return List.of("slow links");
    } else if (step instanceof Step.Pause || step instanceof Step.Start) {
      return List.of("pauses");
    } else if (step instanceof Step.Stabilize) {
      return List.of("stabilizes");
    } else if (step instanceof Step.PrintLog) {
      return List.of("printLogs");
    } else if (step instanceof Step.RetireServer retire) {
      return List.of("retire " + retire.id());
    } else if (step instanceof Step.JoinServer join) {
      return List.of("server " + join.id());
    } else if (step instanceof Step.KillServer || step instanceof Step.RestartServer) {
      return List.of("kills");
    } else if (step instanceof Step.FreezeServer || step instanceof Step.ThawServer) {
      return List.of("freezes");
    } else if (step instanceof Step.SkewClock) {
      return List.of("clocks");
    }
    return List.of();
  }
}

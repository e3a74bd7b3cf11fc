package bayou.harness;

import bayou.checker.CheckResult;
import bayou.checker.Validity;
import bayou.gen.GroupShrinker;
import bayou.gen.Shrinker;
import bayou.gen.Step;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Shrinks an invalid campaign's script to a small one that still fails the same checker: first
 * the shortest failing prefix by bisection (cheap: a failure usually needs only an early part of
 * a long run), then whole sessions, keys and fault kinds ({@link GroupShrinker}), then delta
 * debugging over what is left, within one time budget.
 */
final class ShrinkSearch {
  /** The first prefix tried, past the opening joins; each next one is twice as long. */
  static final int FIRST_PREFIX_STEPS = 32;

  /**
   * Replays on real processes are not exact: a candidate that failed once may pass the next
   * time (a gossip that happened to come late). The result must fail this many more replays in
   * a row before it is kept; else a larger candidate that does is kept instead.
   */
  static final int CONFIRMATIONS = 2;
  /** How many of the smallest candidates are tried for confirmation before the prefix is. */
  static final int CONFIRM_CANDIDATES = 4;

  /** Live progress is redrawn at most this often, and only on a terminal. */
  static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
  /** Back to the start of the line and erase it: the progress line is drawn over. */
  static final String CLEAR = "\r\u001b[K";

  private final ReplayCheck replay;
  private final Set<String> failedCheckers;
  private final PrintStream err;
  private final boolean terminal = System.console() != null;
  private long deadline = Long.MAX_VALUE;
  private long lastProgress = System.nanoTime();
  private int replays;
  private int smallestFailing = -1;
  /** Every script that failed, in the order found: each is smaller than the ones before. */
  private final List<List<Step>> failedScripts = new ArrayList<>();

  ShrinkSearch(ReplayCheck replay, Set<String> failedCheckers, PrintStream err) {
    this.replay = replay;
    this.failedCheckers = Set.copyOf(failedCheckers);
    this.err = err;
  }

  /** A replay fails again, passes, or is no evidence (steps failed and nothing failed). */
  enum Verdict { FAILS, PASSES, BROKEN }

  Verdict verdict(List<Step> steps) {
    List<CheckResult> results = replay.check(steps);
    replays++;
    Verdict verdict = Replay.stepsFailed(results) ? Verdict.BROKEN : Verdict.PASSES;
    for (CheckResult result : results) {
      if (result.validity() == Validity.INVALID && failedCheckers.contains(result.checker())) {
        verdict = Verdict.FAILS;
        failedScripts.add(List.copyOf(steps));
        smallestFailing = smallestFailing < 0 ? steps.size()
            : Math.min(smallestFailing, steps.size());
      }
    }
    progress();
    return verdict;
  }

  private String lineStart() {
    return terminal ? CLEAR : "";
  }

  /** What shrinking is doing, on one redrawn line; quiet when stderr is not a terminal. */
  private void progress() {
    long now = System.nanoTime();
    if (!terminal || now - lastProgress < PROGRESS_EVERY_NANOS) {
      return;
    }
    lastProgress = now;
    err.printf(CLEAR + "bayou campaign: shrinking: %d replays, smallest failing script %s, %s left",
        replays, smallestFailing < 0 ? "not found yet" : smallestFailing + " steps",
        deadline == Long.MAX_VALUE ? "no limit"
            : Math.max(0, (deadline - now) / 1_000_000_000L) + " s of the budget");
    err.flush();
  }

  /** For the candidate searches: a broken replay does not count as failing. */
  boolean stillFails(List<Step> steps) {
    return verdict(steps) == Verdict.FAILS;
  }

  /**
   * The smallest failing script found, or null when no prefix failed again within the budget.
   * Prefixes grow from short to long (a failure usually needs only the start of a long run, and
   * short replays are cheap), then the shortest failing one is bisected and delta-debugged.
   */
  Shrinker.Result shrink(List<Step> script, int setupSteps, Duration budget) {
    try {
      Shrinker.Result result = shrinkWithin(script, setupSteps, budget);
      return result == null || replay.exact() ? result : confirmed(result);
    } finally {
      err.print(lineStart()); // no half progress line under what follows
    }
  }

  /**
   * The smallest failing script that fails {@link #CONFIRMATIONS} more replays in a row:
   * {@code result}'s own script first, then the next larger ones found, then the failing
   * prefix. When none does, {@code result} stands, and the console says it is flaky.
   */
  private Shrinker.Result confirmed(Shrinker.Result result) {
    List<List<Step>> candidates = new ArrayList<>();
    candidates.add(result.steps());
    for (int i = failedScripts.size() - 1; i >= 0 && candidates.size() < CONFIRM_CANDIDATES;
        i--) {
      if (failedScripts.get(i).size() > candidates.get(candidates.size() - 1).size()) {
        candidates.add(failedScripts.get(i));
      }
    }
    if (!failedScripts.isEmpty() && !candidates.contains(failedScripts.get(0))) {
      candidates.add(failedScripts.get(0)); // the failing prefix: the last resort
    }
    int replaysBefore = replays;
    for (List<Step> candidate : candidates) {
      int failedAgain = 0;
      while (failedAgain < CONFIRMATIONS && verdict(candidate) == Verdict.FAILS) {
        failedAgain++;
      }
      int tests = result.tests() + replays - replaysBefore;
      if (failedAgain == CONFIRMATIONS) {
        boolean smallest = candidate == result.steps();
        err.printf(lineStart() + "bayou campaign: shrinking: the %d-step script failed %d more "
            + "replays in a row%s%n", candidate.size(), CONFIRMATIONS, smallest ? ""
            : "; the " + result.steps().size() + "-step one found first failed only sometimes");
        return new Shrinker.Result(candidate, smallest ? result.outcome()
            : Shrinker.Outcome.NOT_ALWAYS_REPRODUCED, tests, result.cacheHits(),
            result.elapsed());
      }
    }
    err.printf(lineStart() + "bayou campaign: shrinking: no script found failed %d more replays "
        + "in a row on real processes; minimal.test fails only sometimes%n", CONFIRMATIONS);
    return new Shrinker.Result(result.steps(), Shrinker.Outcome.NOT_ALWAYS_REPRODUCED,
        result.tests() + replays - replaysBefore, result.cacheHits(), result.elapsed());
  }

  private Shrinker.Result shrinkWithin(List<Step> script, int setupSteps, Duration budget) {
    deadline = System.nanoTime() + budget.toNanos();
    int passing = Math.min(setupSteps, script.size());
    int failing = -1;
    for (int length = Math.min(script.size(), setupSteps + FIRST_PREFIX_STEPS);
        System.nanoTime() < deadline; length = Math.min(script.size(),
            setupSteps + 2 * (length - setupSteps))) {
      Verdict verdict = verdict(script.subList(0, length));
      if (verdict == Verdict.FAILS) {
        failing = length;
        break;
      }
      if (verdict == Verdict.BROKEN) {
        err.printf(lineStart() + "bayou campaign: shrinking stopped: steps of a %d-step prefix "
            + "failed in the replay, which then proves nothing%n", length);
        return null;
      }
      passing = length;
      if (length == script.size()) {
        return null;
      }
    }
    if (failing < 0) {
      return null;
    }
    // Bisect only to within a sixteenth: the group pass and ddmin remove the rest more cheaply
    // than more replays of long prefixes would.
    while (failing - passing > Math.max(1, failing / 16) && System.nanoTime() < deadline) {
      int middle = (failing + passing) >>> 1;
      Verdict verdict = verdict(script.subList(0, middle));
      if (verdict == Verdict.FAILS) {
        failing = middle;
      } else if (verdict == Verdict.PASSES) {
        passing = middle;
      } else {
        break; // no evidence either way: ddmin goes on from the failing prefix known
      }
    }
    List<Step> prefix = script.subList(0, failing);
    err.printf(lineStart() + "bayou campaign: shrinking: a %d-step prefix of %d still fails%n",
        prefix.size(), script.size());
    List<Step> grouped = GroupShrinker.shrink(prefix, this::stillFails, deadline,
        System::nanoTime);
    err.printf(lineStart() + "bayou campaign: shrinking: %d steps left after dropping the "
        + "sessions, keys and fault kinds it does not need%n", grouped.size());
    Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    Predicate<List<Step>> predicate = this::stillFails;
    return new Shrinker(predicate, left).shrink(grouped);
  }

}

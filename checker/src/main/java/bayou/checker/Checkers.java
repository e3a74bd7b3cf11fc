package bayou.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * The composite of all checkers, and the rule that a checker that throws yields an unknown result
 * carrying the exception, so that one broken check never hides the others' verdicts.
 */
public final class Checkers {
  private Checkers() {}

  /** Every checker, in the order results are reported. */
  public static List<Checker> all() {
    return List.of(new WellFormedChecker(), new StablePrefixChecker(),
        new TentativeOrderChecker(), new ConvergenceChecker(), new SessionChecker(),
        new RetirementChecker(), new BlackBoxChecker(), new InvariantsChecker(),
        new ExactReadChecker(), new StabilizedChecker(), new DurabilityChecker(),
        new StampOrderChecker(), new AvailabilityChecker());
  }

  /** Runs every checker on the history. */
  public static List<CheckResult> checkAll(History history) {
    return checkAll(history, all());
  }

  /**
   * Runs these checkers on the history, one after another; explanations name servers as the
   * history's text does ({@code s23}, see {@link ServerAliases}).
   */
  public static List<CheckResult> checkAll(History history, List<Checker> checkers) {
    List<CheckResult> results = new ArrayList<>(checkers.size());
    ServerAliases aliases = ServerAliases.of(history);
    for (Checker checker : checkers) {
      results.add(aliases.apply(check(checker, history)));
    }
    return results;
  }

  /**
   * Runs every checker on the history, on as many threads as there are cores: the checkers
   * share only the history (its lazily computed parts are synchronized), so one campaign's
   * check takes about the longest checker's time, not the sum. Results come in the same order
   * as {@link #checkAll(History)}'s. A sweep, whose cores are busy with other seeds, checks
   * sequentially instead.
   */
  public static List<CheckResult> checkAllInParallel(History history) {
    List<Checker> checkers = all();
    int threads = Math.min(checkers.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      return checkAll(history, checkers);
    }
    ServerAliases aliases = ServerAliases.of(history);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        threads, task -> {
          Thread thread = new Thread(task, "checker");
          thread.setDaemon(true);
          return thread;
        });
    try {
      List<java.util.concurrent.Future<CheckResult>> pending = new ArrayList<>();
      for (Checker checker : checkers) {
        pending.add(pool.submit(() -> aliases.apply(check(checker, history))));
      }
      List<CheckResult> results = new ArrayList<>(checkers.size());
      for (java.util.concurrent.Future<CheckResult> result : pending) {
        results.add(result.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a checker failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs one checker; a checker that throws yields unknown with the exception's message. */
  public static CheckResult check(Checker checker, History history) {
    try {
      CheckResult result = checker.check(history);
      if (result == null) {
        return CheckResult.unknown(checker.name(), Violation.CHECKER_ERROR,
            "the checker returned no result");
      }
      return result;
    } catch (RuntimeException | StackOverflowError e) {
      return CheckResult.unknown(checker.name(), Violation.CHECKER_ERROR,
          "the checker threw " + e);
    }
  }
}

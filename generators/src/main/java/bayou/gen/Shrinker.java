package bayou.gen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Delta debugging (Zeller and Hildebrandt's ddmin) of a failing script: the smallest list of
 * steps found, within a time limit, that still fails.
 *
 * <p>Removing steps can leave a script a master would find meaningless (a client op by a client
 * that never joined, a {@code start} with no {@code pause}). Each candidate is therefore
 * repaired by dropping the steps that a model replay rejects ({@link Script#firstProblem}
 * explains the rules); what remains is a valid subset, and only that is tested. A master
 * ignores such steps anyway, so this loses nothing and shrinks faster. Results are cached by
 * rendered script, so no script is run twice.
 *
 * <p>When ddmin finishes in time the result is 1-minimal: removing any single step gives a
 * script that is invalid or no longer fails.
 */
public final class Shrinker {
  private final Predicate<List<Step>> stillFails;
  private final Duration timeLimit;
  private final Listener listener;
  private final LongSupplier nanoTime;

  /**
   * @param stillFails true when a (valid) script still shows the failure; it may take long,
   *     for example a replay against the real system. Exceptions it throws propagate.
   * @param timeLimit no new test starts after this much time has passed
   */
  public Shrinker(Predicate<List<Step>> stillFails, Duration timeLimit) {
    this(stillFails, timeLimit, p -> { }, System::nanoTime);
  }

  private Shrinker(Predicate<List<Step>> stillFails, Duration timeLimit, Listener listener,
      LongSupplier nanoTime) {
    this.stillFails = Objects.requireNonNull(stillFails, "stillFails");
    this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
    if (timeLimit.isNegative()) {
      throw new IllegalArgumentException("timeLimit must be >= 0, got " + timeLimit);
    }
    this.listener = Objects.requireNonNull(listener, "listener");
    this.nanoTime = nanoTime;
  }

  /** A shrinker that reports to {@code listener} after every test it runs. */
  public Shrinker withListener(Listener listener) {
    return new Shrinker(stillFails, timeLimit, listener, nanoTime);
  }

  /** A shrinker reading time from {@code nanoTime} (tests use a fake clock). */
  Shrinker withNanoTime(LongSupplier nanoTime) {
    return new Shrinker(stillFails, timeLimit, listener, nanoTime);
  }

  /** Shrinks {@code failing}; see {@link Result#outcome()} for how it ended. */
  public Result shrink(List<Step> failing) {
    return new Run(List.copyOf(failing)).ddmin();
  }

  /** How a shrink ended. */
  public enum Outcome {
    /** ddmin finished: no single step can be removed. */
    ONE_MINIMAL,
    /** The time limit stopped it; the result fails but may not be minimal. */
    TIME_LIMIT,
    /** The (repaired) input itself did not fail; the result is the input. */
    NOT_REPRODUCED,
    /**
     * Set by callers whose replays are not exact (real processes): the smallest scripts found
     * failed only in some replays, so the result is a larger one that failed in every replay.
     */
    NOT_ALWAYS_REPRODUCED
  }

  /**
   * What a shrink found.
   *
   * @param steps the smallest failing script found (the input when not reproduced)
   * @param outcome how the search ended
   * @param tests runs of the predicate
   * @param cacheHits candidates answered from the cache
   * @param elapsed time spent
   */
  public record Result(List<Step> steps, Outcome outcome, int tests, int cacheHits,
      Duration elapsed) {
    public Result {
      steps = List.copyOf(steps);
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /**
   * Progress after a test.
   *
   * @param originalSteps steps in the input
   * @param bestSteps steps in the smallest failing script so far
   * @param granularity ddmin's current number of chunks
   * @param tests runs of the predicate so far
   * @param elapsed time since the shrink began
   */
  public record Progress(int originalSteps, int bestSteps, int granularity, int tests,
      Duration elapsed) {
  }

  /** Receives progress; called on the shrinking thread. */
  @FunctionalInterface
  public interface Listener {
    void onProgress(Progress progress);
  }

  /** One shrink: the cache, the counters and the clock. */
  private final class Run {
    private final List<Step> input;
    private final Map<String, Boolean> cache = new HashMap<>();
    private final long startNanos = nanoTime.getAsLong();
    private int tests;
    private int cacheHits;
    private int granularity = 2;
    private int bestSize;
    private boolean outOfTime;

    Run(List<Step> input) {
      this.input = input;
      this.bestSize = input.size();
    }

    Result ddmin() {
      List<Step> current = repair(input);
      if (current.isEmpty() || fails(current) != Boolean.TRUE) {
        return result(input, outOfTime ? Outcome.TIME_LIMIT : Outcome.NOT_REPRODUCED);
      }
      bestSize = current.size();
      while (current.size() >= 2) {
        List<List<Step>> chunks = split(current, granularity);
        List<Step> smaller = tryChunks(chunks);
        if (smaller != null) {
          granularity = 2;
        } else if (!outOfTime && (smaller = tryComplements(chunks)) != null) {
          granularity = Math.max(granularity - 1, 2);
        }
        if (outOfTime) {
          return result(smaller != null ? smaller : current, Outcome.TIME_LIMIT);
        }
        if (smaller != null) {
          current = smaller;
          bestSize = current.size();
          granularity = Math.min(granularity, current.size());
        } else if (granularity < current.size()) {
          granularity = Math.min(current.size(), 2 * granularity);
        } else {
          break;
        }
      }
      return result(current, Outcome.ONE_MINIMAL);
    }

    /** The first chunk that fails on its own, repaired; null if none (or out of time). */
    private List<Step> tryChunks(List<List<Step>> chunks) {
      if (chunks.size() == 2) {
        return null; // with two chunks each chunk is the other's complement: tried below
      }
      for (List<Step> chunk : chunks) {
        List<Step> candidate = repair(chunk);
        if (fails(candidate) == Boolean.TRUE) {
          return candidate;
        }
        if (outOfTime) {
          return null;
        }
      }
      return null;
    }

    /** The first complement of a chunk that still fails, repaired; null if none. */
    private List<Step> tryComplements(List<List<Step>> chunks) {
      for (int skip = 0; skip < chunks.size(); skip++) {
        List<Step> rest = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
          if (i != skip) {
            rest.addAll(chunks.get(i));
          }
        }
        List<Step> candidate = repair(rest);
        if (fails(candidate) == Boolean.TRUE) {
          return candidate;
        }
        if (outOfTime) {
          return null;
        }
      }
      return null;
    }

    /** TRUE or FALSE from the cache or a test; null when the time is up before testing. */
    private Boolean fails(List<Step> candidate) {
      if (candidate.isEmpty()) {
        return Boolean.FALSE; // nothing to replay: not a failing script
      }
      String key = Script.render(candidate);
      Boolean known = cache.get(key);
      if (known != null) {
        cacheHits++;
        return known;
      }
      if (elapsed().compareTo(timeLimit) >= 0) {
        outOfTime = true;
        return null;
      }
      boolean result = stillFails.test(candidate);
      cache.put(key, result);
      tests++;
      if (result) {
        bestSize = Math.min(bestSize, candidate.size());
      }
      listener.onProgress(new Progress(input.size(), bestSize, granularity, tests, elapsed()));
      return result;
    }

    private Duration elapsed() {
      return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
    }

    private Result result(List<Step> steps, Outcome outcome) {
      return new Result(steps, outcome, tests, cacheHits, elapsed());
    }
  }

  /** Splits into {@code n} chunks of near-equal size, in order. */
  static List<List<Step>> split(List<Step> steps, int n) {
    List<List<Step>> chunks = new ArrayList<>(n);
    int start = 0;
    for (int i = 0; i < n; i++) {
      int end = start + (steps.size() - start) / (n - i);
      chunks.add(steps.subList(start, end));
      start = end;
    }
    return chunks;
  }

  /** The steps a model replay accepts, in order: the candidate with meaningless steps dropped. */
  static List<Step> repair(List<Step> steps) {
    Model model = new Model();
    List<Step> kept = new ArrayList<>(steps.size());
    for (Step s : steps) {
      if (model.problem(s) == null) {
        model.apply(s);
        kept.add(s);
      }
    }
    return kept;
  }
}

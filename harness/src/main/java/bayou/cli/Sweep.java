package bayou.cli;

import bayou.checker.CheckResult;
import bayou.checker.Validity;
import bayou.cluster.NodePool;
import bayou.harness.CampaignOptions;
import bayou.harness.CampaignResult;
import bayou.harness.CampaignRunner;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Simulated campaigns over seeds {@code first..first+runs-1}, several at once (each run is one
 * thread and shares nothing with the others). One line per failing seed as it is found, progress
 * on stderr, a summary table at the end; valid runs leave no directory unless asked.
 */
final class Sweep implements AutoCloseable {
  /**
   * How often a progress line is written when stderr is not a terminal (a log, CI): a
   * 1,000-seed sweep runs for minutes. On a terminal one line is redrawn in place instead.
   */
  static final long PROGRESS_EVERY_NANOS = 30_000_000_000L;

  private final CampaignOptions options;
  private final int jobs;
  private final boolean keepValid;
  private final PrintStream out;
  private final PrintStream err;
  private NodePool pool; // only to replay a minimal script on real processes

  Sweep(CampaignOptions options, int jobs, boolean keepValid, PrintStream out, PrintStream err) {
    if (jobs < 1) {
      throw new IllegalArgumentException("--jobs must be >= 1, got " + jobs);
    }
    this.options = options;
    this.jobs = jobs;
    this.keepValid = keepValid;
    this.out = out;
    this.err = err;
  }

  /** What a sweep found. */
  record Outcome(int valid, int invalid, int unknown) {
    int exitCode() {
      return invalid > 0 ? 1 : unknown > 0 ? 2 : 0;
    }
  }

  Outcome run(long first, int runs) throws Exception {
    if (runs == 1) {
      CampaignResult result = runOne(first, err);
      bayou.harness.RunReport.print(result, options, out);
      return tally(List.of(result));
    }
    long start = System.nanoTime();
    err.printf("bayou campaign: sweeping seeds %d..%d in the simulator, %d at once%n", first,
        first + runs - 1, jobs);
    ExecutorService workers = Executors.newFixedThreadPool(jobs, r -> {
      Thread thread = new Thread(r, "sweep");
      thread.setDaemon(true);
      return thread;
    });
    PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
    List<CampaignResult> results = new ArrayList<>();
    boolean terminal = System.console() != null;
    try (LiveLine line = new LiveLine(err, "sweeping, 0 invalid", runs, terminal)) {
      ExecutorCompletionService<CampaignResult> done = new ExecutorCompletionService<>(workers);
      for (int i = 0; i < runs; i++) {
        long seed = first + i;
        done.submit(() -> runOne(seed, quiet));
      }
      long lastProgress = System.nanoTime();
      int invalid = 0;
      for (int i = 0; i < runs; i++) {
        Future<CampaignResult> next = done.take();
        CampaignResult result = join(next);
        results.add(result);
        if (result.validity() != Validity.VALID) {
          invalid += result.validity() == Validity.INVALID ? 1 : 0;
          line.print(() -> {
            out.println(failureLine(result));
            out.flush();
          });
        }
        line.running("sweeping, " + invalid + " invalid", results.size());
        if (!terminal
            && (System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS || i + 1 == runs)) {
          lastProgress = System.nanoTime();
          err.println(progress(results.size(), runs, invalid, start));
        }
      }
    } finally {
      workers.shutdownNow();
    }
    out.print(summary(results, (System.nanoTime() - start) / 1e9));
    return tally(results);
  }

  private CampaignResult runOne(long seed, PrintStream log) throws Exception {
    CampaignRunner runner = new CampaignRunner(options, this::pool, log);
    // without --keep-valid a valid run leaves nothing, so it need not be written at all
    return (keepValid ? runner : runner.screenInMemory().picturesOnlyWhenInvalid()).run(seed);
  }

  private synchronized NodePool pool() {
    if (pool == null) {
      pool = new NodePool(1, NodePool.nodeJvmArgs(false));
    }
    return pool;
  }

  private static CampaignResult join(Future<CampaignResult> future) throws InterruptedException {
    try {
      return future.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a simulated run failed: " + e.getCause(), e.getCause());
    }
  }

  static String failureLine(CampaignResult result) {
    List<String> failed = result.results().stream()
        .filter(r -> r.validity() != Validity.VALID)
        .map(r -> r.checker() + "=" + r.validity().name().toLowerCase()).toList();
    return String.format("seed %d: %s %s  %s%s", result.seed(),
        result.validity().name().toLowerCase(), failed, result.runDir(),
        result.minimal() == null ? "" : "  minimal: " + result.minimal());
  }

  private static String progress(int done, int runs, int invalid, long start) {
    double elapsed = (System.nanoTime() - start) / 1e9;
    double eta = done == 0 ? 0 : elapsed / done * (runs - done);
    return String.format("bayou campaign: %d/%d seeds, %d invalid, %.0f s elapsed, eta %.0f s",
        done, runs, invalid, elapsed, eta);
  }

  /** The table after a sweep: verdicts, the checkers that failed and how often, the cost. */
  static String summary(List<CampaignResult> results, double wallSeconds) {
    Outcome outcome = tally(results);
    Map<String, Integer> byChecker = new TreeMap<>();
    long ops = 0;
    for (CampaignResult result : results) {
      ops += result.ops();
      for (CheckResult check : result.results()) {
        if (check.validity() == Validity.INVALID) {
          byChecker.merge(check.checker(), 1, Integer::sum);
        }
      }
    }
    StringBuilder table = new StringBuilder();
    table.append(String.format("%-28s %8s%n", "sweep", "count"));
    table.append(String.format("%-28s %8d%n", "seeds", results.size()));
    table.append(String.format("%-28s %8d%n", "valid", outcome.valid()));
    table.append(String.format("%-28s %8d%n", "invalid", outcome.invalid()));
    table.append(String.format("%-28s %8d%n", "unknown", outcome.unknown()));
    byChecker.forEach((checker, count) ->
        table.append(String.format("  %-26s %8d%n", "invalid by " + checker, count)));
    table.append(String.format("%-28s %8d%n", "operations", ops));
    table.append(String.format("%-28s %8.1f%n", "wall seconds", wallSeconds));
    table.append(String.format("%-28s %8.1f%n", "seeds per wall second",
        results.size() / Math.max(wallSeconds, 1e-9)));
    return table.toString();
  }

  private static Outcome tally(List<CampaignResult> results) {
    int valid = 0;
    int invalid = 0;
    int unknown = 0;
    for (CampaignResult result : results) {
      switch (result.validity()) {
        case VALID -> valid++;
        case INVALID -> invalid++;
        case UNKNOWN -> unknown++;
      }
    }
    return new Outcome(valid, invalid, unknown);
  }

  @Override
  public synchronized void close() {
    if (pool != null) {
      pool.close();
    }
  }
}

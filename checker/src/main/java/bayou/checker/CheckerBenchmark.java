package bayou.checker;

import bayou.history.HistoryEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times {@link Checkers#checkAll} on synthetic valid histories (a simulated correct Bayou system
 * of 10 servers and 50 sessions, seeded) at 10k, 100k and 1M operations, and prints the heap in
 * use: right after checking (garbage included) and, after a full GC, the history alone. Usage:
 * {@code CheckerBenchmark [--seed N] [--breakdown] [ops ...]}; --breakdown checks again, one
 * checker at a time, to show where the time goes.
 */
public final class CheckerBenchmark {
  static final int SERVERS = 10;
  static final int SESSIONS = 50;
  static final int KEYS = 1000;
  private static final long MIB = 1024 * 1024;
  /** CPU time of the checking thread: wall time alone misleads on a shared, loaded machine. */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CheckerBenchmark() {}

  public static void main(String[] args) {
    long seed = System.nanoTime();
    boolean breakdown = false;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--seed")) {
        seed = Long.parseLong(args[++i]);
      } else if (args[i].equals("--breakdown")) {
        breakdown = true;
      } else {
        sizes.add(Integer.parseInt(args[i].replace("_", "")));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(10_000, 100_000, 1_000_000);
    }
    System.out.printf(Locale.ROOT, "seed=%d servers=%d sessions=%d keys=%d max-heap=%dMiB"
        + " cpus=%d load=%.1f (repeat with --seed %d)%n", seed, SERVERS, SESSIONS, KEYS,
        Runtime.getRuntime().maxMemory() / MIB, Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), seed);
    for (int ops : sizes) {
      if (!measure(ops, seed, breakdown)) {
        System.exit(1);
      }
    }
  }

  /** Generates, indexes and checks one history; false when it is not valid. */
  private static boolean measure(int ops, long seed, boolean breakdown) {
    long start = System.nanoTime();
    List<HistoryEvent> events = SyntheticHistory.generate(ops, seed, SERVERS, SESSIONS, KEYS);
    long generated = System.nanoTime();
    History history = History.of(events);
    events = null;
    long indexed = System.nanoTime();
    long cpuBefore = THREADS.getCurrentThreadCpuTime();
    List<CheckResult> results = Checkers.checkAll(history);
    long checked = System.nanoTime();
    double checkCpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
    Runtime runtime = Runtime.getRuntime();
    long heapUsed = (runtime.totalMemory() - runtime.freeMemory()) / MIB;
    // The history alone, still reachable: what any checker needs before it allocates anything.
    System.gc();
    long historyHeap = (runtime.totalMemory() - runtime.freeMemory()) / MIB;
    Validity verdict = CheckResult.merge(results);
    double checkSeconds = (checked - indexed) / 1e9;
    System.out.printf(Locale.ROOT, "ops=%d events=%d generate=%.2fs index=%.2fs checkAll=%.2fs"
        + " (%.0f ops/s, thread cpu %.2fs) heap-used=%dMiB history-heap=%dMiB verdict=%s%n",
        ops, history.size(), (generated - start) / 1e9, (indexed - generated) / 1e9,
        checkSeconds, ops / checkSeconds, checkCpuSeconds, heapUsed, historyHeap,
        verdict.name().toLowerCase(Locale.ROOT));
    if (breakdown) {
      printBreakdown(history);
    }
    if (verdict != Validity.VALID) {
      System.out.println("a correct simulation must check valid; seed " + seed);
      System.out.print(CheckRun.summary(results));
      return false;
    }
    return true;
  }

  /**
   * Checks again, one checker at a time, to show where the time goes. A fresh index, so that the
   * first checker to need the shared committed-prefix index pays for it again.
   */
  private static void printBreakdown(History indexed) {
    History history = History.of(indexed.events());
    for (Checker checker : Checkers.all()) {
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      Checkers.check(checker, history);
      System.out.printf(Locale.ROOT, "  %-16s %.2fs (thread cpu %.2fs)%n", checker.name(),
          (System.nanoTime() - start) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }
  }
}

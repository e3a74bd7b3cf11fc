package bayou.fuzz;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What one fuzz run found: how many cases were tried, and the hangs (a bounded wait passed),
 * crashes (a process died, an exception escaped, output or exit code wrong) and orphans (a node
 * process outlived its master). A clean run has none. Thread-safe.
 */
public final class FuzzReport {
  /** Failures kept with their explanation; the rest are only counted. */
  static final int EXAMPLES_MAX = 10;

  private final String target;
  private final long seed;
  private int cases;
  private int hangs;
  private int crashes;
  private int orphans;
  private final List<String> examples = new ArrayList<>();

  FuzzReport(String target, long seed) {
    this.target = target;
    this.seed = seed;
  }

  /** A run of a target over some of its cases, with a random source of its own. */
  interface Batch {
    void run(SplittableRandom random, int count) throws Exception;
  }

  /**
   * Tries {@code cases} cases in runs of at most {@code perRun}, each run with its own split of
   * the seed's random source; counts them and says the progress on {@code err}.
   */
  void inRuns(int cases, int perRun, Batch batch, PrintStream err) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    for (int done = 0; done < cases; done += perRun) {
      int count = Math.min(perRun, cases - done);
      batch.run(random.split(), count);
      cases(count);
      err.printf("fuzz %s: %d of %d cases%n", target, done + count, cases);
    }
  }

  synchronized void cases(int tried) {
    cases += tried;
  }

  synchronized void hang(String what) {
    hangs++;
    example("hang: " + what);
  }

  synchronized void crash(String what) {
    crashes++;
    example("crash: " + what);
  }

  synchronized void orphan(String what) {
    orphans++;
    example("orphan: " + what);
  }

  private void example(String what) {
    if (examples.size() < EXAMPLES_MAX) {
      examples.add(what);
    }
  }

  public synchronized int cases() {
    return cases;
  }

  public synchronized boolean clean() {
    return hangs == 0 && crashes == 0 && orphans == 0;
  }

  public synchronized List<String> examples() {
    return List.copyOf(examples);
  }

  /** One line: target, seed, cases, hangs, crashes, orphans. */
  public synchronized String summary() {
    return String.format("fuzz %s seed %d: %d cases, %d hangs, %d crashes, %d orphans", target,
        seed, cases, hangs, crashes, orphans);
  }

  /** The command that repeats this run. */
  public String repeat() {
    return "bin/bayou fuzz " + target + " --seed " + seed + " --cases " + cases();
  }
}

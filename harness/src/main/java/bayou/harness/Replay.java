package bayou.harness;

import bayou.checker.CheckResult;
import bayou.checker.Checkers;
import bayou.checker.History;
import bayou.cluster.ClusterException;
import bayou.cluster.NodeCluster;
import bayou.cluster.NodePool;
import bayou.cluster.SimCluster;
import bayou.sim.NetworkOptions;
import java.util.function.Function;
import bayou.cluster.ProcessCluster;
import bayou.cluster.RecordingCluster;
import bayou.gen.Step;
import bayou.history.ChronicleHistory;
import bayou.history.HistoryReader;
import bayou.history.HistorySink;
import bayou.history.MemoryHistory;
import bayou.history.NemesisEvent;
import bayou.master.Suite;
import java.nio.file.Path;
import java.time.Duration;
import bayou.checker.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replays a course script on a fresh cluster, as {@code bin/bayou master --history} would (steps
 * in order, then heal, stabilize and final snapshots), and checks the recorded history.
 */
final class Replay implements ReplayCheck {
  /** Replays run many times: a system that does not settle is judged by its logs, sooner. */
  static final Duration STABILIZE_BASE = Duration.ofSeconds(1);

  private final Function<List<Step>, NodeCluster> clusters;
  private final Path scratch;
  private final boolean exact;
  /** Whether the histories say that every silence is judged ({@link #quiet}). */
  private final boolean quiet;
  private final AtomicInteger runs = new AtomicInteger();

  private Replay(Function<List<Step>, NodeCluster> clusters, Path scratch, boolean exact,
      boolean quiet) {
    this.clusters = clusters;
    this.scratch = scratch;
    this.exact = exact;
    this.quiet = quiet;
  }

  /**
   * This replay, its histories marked as quiet ({@link NemesisEvent#QUIET_REPLAY}): a minimal
   * script replayed alone on processes, where no load excuses an operation left unanswered, so
   * a silence found in the simulator can be confirmed there.
   */
  Replay quiet() {
    return new Replay(clusters, scratch, exact, true);
  }

  @Override
  public boolean exact() {
    return exact;
  }

  /** Replays on real processes from {@code pool}. */
  static Replay onProcesses(NodePool pool, String bug, Path scratch) {
    return new Replay(steps -> {
      pool.prepare(processesNeeded(steps)); // boot them side by side, not one join at a time
      return new ProcessCluster(pool, bug);
    }, scratch, false, false);
  }

  /** Replays in the simulator, each from the same seed: a replay is exact. */
  static Replay simulated(long seed, NetworkOptions network, String bug, Path scratch) {
    return new Replay(steps -> new SimCluster(seed, network, bug), scratch, true, false);
  }

  /** The checker's name of the result that says a replay's steps failed. */
  static final String REPLAY = "replay";

  /**
   * Replays and checks. When steps failed (the system, or the harness, refused them) the
   * replay is not the script: the results then end with an unknown {@link #REPLAY} result
   * saying how many failed, so that no one takes such a replay for a passing one.
   */
  @Override
  public List<CheckResult> check(List<Step> steps) {
    History.Builder history = History.builder();
    Failures failures = new Failures();
    try (NodeCluster cluster = clusters.apply(steps).stabilizeBase(STABILIZE_BASE)) {
      if (cluster instanceof SimCluster) {
        // thousands of exact replays, each checked once: memory is enough, and much faster
        MemoryHistory sink = new MemoryHistory(cluster.historyClock());
        replay(cluster, sink, steps, failures);
        sink.events().forEach(history::add);
      } else {
        Path dir = scratch.resolve("replay-" + runs.incrementAndGet());
        try (ChronicleHistory sink = ChronicleHistory.create(dir, cluster.historyClock())) {
          replay(cluster, sink, steps, failures);
        }
        HistoryReader.forEach(dir, history::add);
        FileTrees.deleteQuietly(dir);
      }
    }
    List<CheckResult> results = new ArrayList<>(Checkers.checkAll(history.build()));
    if (failures.count > 0) {
      results.add(CheckResult.unknown(REPLAY, Violation.MISSING_DATA, failures.count + " of "
          + steps.size() + " steps failed in the replay, first " + failures.first));
    }
    return results;
  }

  /** Steps of a replay that failed: a replay where they did proves nothing either way. */
  private static final class Failures {
    int count;
    String first;
  }

  private void replay(NodeCluster cluster, HistorySink sink, List<Step> steps,
      Failures failures) {
    RecordingCluster recording = new RecordingCluster(cluster, sink);
    if (quiet) {
      recording.markQuietReplay();
    }
    for (Step step : steps) {
      try {
        StepRunner.run(recording, step);
      } catch (ClusterException e) {
        // as the master does: the step is ignored and the replay carries on, but counted, and
        // recorded: in the simulator a failed step is a finding (the shrinker's candidates
        // are model-valid scripts, as a campaign's schedule is)
        recording.stepFailed(step.toLine(), e.getMessage());
        failures.count++;
        if (failures.first == null) {
          failures.first = step.toLine() + ": " + e.getMessage();
        }
      }
    }
    try {
      recording.finish(true);
    } catch (ClusterException e) {
      // the checkers judge what was recorded
    }
  }

  /** Whether a replay's results say that some of its steps failed. */
  static boolean stepsFailed(List<CheckResult> results) {
    return results.stream().anyMatch(r -> r.checker().equals(REPLAY));
  }

  /** One process per joined server and per client joined for the first time. */
  static int processesNeeded(List<Step> steps) {
    return Suite.nodesNeeded(steps.stream().map(Step::toLine).toList());
  }
}

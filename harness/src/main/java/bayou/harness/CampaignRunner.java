package bayou.harness;

import bayou.checker.CheckResult;
import bayou.checker.CheckRun;
import bayou.checker.Checkers;
import bayou.checker.History;
import bayou.checker.Validity;
import bayou.cluster.ClusterException;
import bayou.cluster.NodeCluster;
import bayou.cluster.NodePool;
import bayou.cluster.SimCluster;
import bayou.cluster.ProcessCluster;
import bayou.cluster.RecordingCluster;
import bayou.gen.ScheduleGenerator;
import bayou.gen.Script;
import bayou.gen.Shrinker;
import bayou.gen.Step;
import bayou.history.ChronicleHistory;
import bayou.history.HistoryReader;
import bayou.history.MemoryHistory;
import bayou.history.HistorySink;
import bayou.history.HistoryText;
import bayou.report.RunData;
import bayou.report.RunReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One campaign: a seeded schedule of client operations and faults run against real processes,
 * recorded, healed, checked, stored, and shrunk when invalid.
 */
public final class CampaignRunner {
  /** How often every server's log is snapshotted while the schedule runs. */
  static final long SNAPSHOT_EVERY_MS = 1_000;

  private final CampaignOptions options;
  private final Supplier<NodePool> pools;
  private final PrintStream err;
  private boolean picturesOfValidRuns = true;
  private boolean screenInMemory;

  public CampaignRunner(CampaignOptions options, NodePool pool, PrintStream err) {
    this(options, () -> pool, err);
  }

  /**
   * @param pools the node processes, asked for only when needed: a simulated campaign needs them
   *     only to replay a minimal script on real processes (a null pool skips that)
   */
  public CampaignRunner(CampaignOptions options, Supplier<NodePool> pools, PrintStream err) {
    this.options = options;
    this.pools = pools;
    this.err = err;
  }

  /** Pictures only for runs that are not valid: a sweep keeps nothing else of a valid run. */
  public CampaignRunner picturesOnlyWhenInvalid() {
    picturesOfValidRuns = false;
    return this;
  }

  /**
   * A sweep's screening: a simulated run is first run with its history in memory and checked
   * there; only a run that is not valid is run again, recorded to disk. The simulator is
   * deterministic, so the second run is the first one, byte for byte.
   */
  public CampaignRunner screenInMemory() {
    screenInMemory = true;
    return this;
  }

  /** What running a schedule produced, before anything is written or checked. */
  private record Execution(List<Step> executed, int setupSteps, long ops, long faults,
      double scheduleSeconds, double convergenceMs, String digest,
      Map<String, Long> cornerVisits) {}

  /** Where the servers of the run under way keep their disks; null before its directory. */
  private Path disks;

  public CampaignResult run(long seed) throws IOException, InterruptedException {
    if (screenInMemory && options.simulated() && options.record()) {
      MemoryHistory[] memory = new MemoryHistory[1];
      Execution screened = execute(seed, clock -> memory[0] = new MemoryHistory(clock), null);
      History.Builder history = History.builder();
      memory[0].events().forEach(history::add);
      List<CheckResult> results = Checkers.checkAll(history.build());
      if (CheckResult.merge(results) == Validity.VALID) {
        return new CampaignResult(null, seed, Validity.VALID, results, screened.ops(),
            screened.faults(), screened.ops() / screened.scheduleSeconds(),
            screened.convergenceMs(), null);
      }
    }
    Path runDir = RunStore.newRun(options.store(), options.name(), seed);
    disks = runDir.resolve("disks");
    MessageLog messages = new MessageLog();
    Execution run = execute(seed, clock -> options.record()
        ? ChronicleHistory.create(runDir, clock) : HistorySink.none(), messages);
    List<Step> executed = run.executed();
    Files.writeString(runDir.resolve("campaign.test"), Script.render(executed));
    messages.writeTo(runDir.resolve("messages.jsonl"));
    List<CheckResult> results = List.of();
    Validity validity = Validity.UNKNOWN;
    LiveServers live = null;
    RunData pictures = null;
    double checkMs = Double.NaN;
    if (options.record()) {
      live = new LiveServers();
      pictures = new RunData();
      long checkStart = System.nanoTime();
      results = check(runDir, live, pictures);
      checkMs = (System.nanoTime() - checkStart) / 1e6;
      validity = CheckResult.merge(results);
    }
    Shrunk shrunk = validity == Validity.INVALID && !options.shrinkTime().isZero()
        ? shrink(runDir, executed, run.setupSteps(), results, seed) : Shrunk.NONE;
    CampaignResult result = new CampaignResult(runDir, seed, validity, results, run.ops(),
        run.faults(), run.ops() / run.scheduleSeconds(), run.convergenceMs(), checkMs,
        shrunk.minimal(), shrunk.ms(), run.digest(), shrunk.reproducesOnProcesses());
    ResultsFile.write(runDir, options, result, live == null ? null : live.json());
    CornerVisits.addTo(runDir, run.cornerVisits());
    if (picturesOfValidRuns || validity != Validity.VALID) {
      RunReport.writeQuietly(runDir, pictures, err);
    }
    RunStore.markLatest(options.store(), runDir);
    return result;
  }

  /** Runs the opening, the schedule and the finale on a fresh cluster, recording to a sink. */
  private Execution execute(long seed, Function<LongSupplier, HistorySink> sinks,
      MessageLog messages) throws InterruptedException {
    ScheduleGenerator generator = new ScheduleGenerator(options.generator(), seed);
    List<Step> executed = new ArrayList<>();
    AtomicLong ops = new AtomicLong();
    try (NodeCluster cluster = options.simulated()
            ? new SimCluster(simSeed(seed), options.sim(), options.bug())
            : disks(new ProcessCluster(pools.get(), options.bug()));
        HistorySink sink = sinks.apply(cluster.historyClock());
        Progress progress = options.simulated() ? null
            : new Progress(err, seed, generator, ops, System.nanoTime())) {
      LongSupplier clock = cluster.historyClock();
      if (cluster instanceof SimCluster sim && messages != null) {
        sim.simulation().trace(messages::add);
      }
      RecordingCluster recording = new RecordingCluster(cluster, sink);
      List<Step> setup = generator.setup();
      for (Step step : setup) {
        execute(recording, step, executed);
      }
      long scheduleStart = clock.getAsLong();
      if (cluster instanceof SimCluster sim) {
        new SimSchedule(sim, recording, seed, err).run(generator, executed, ops,
            options.timeLimit().toNanos() / 1_000, options.opsLimit(), options.concurrency());
      } else {
        runSchedule(recording, generator, executed, ops, scheduleStart);
      }
      double scheduleSeconds = (clock.getAsLong() - scheduleStart) / 1e9;
      double convergenceMs = runFinale(recording, generator, executed, clock);
      recording.finish(false);
      return new Execution(executed, setup.size(), ops.get(), generator.faultSteps(),
          scheduleSeconds, convergenceMs, sink.digest(), generator.cornerVisits());
    }
  }

  /** Server disks go under the run's directory, once it exists. */
  private ProcessCluster disks(ProcessCluster cluster) {
    return disks == null ? cluster : cluster.dataDir(disks);
  }

  /** The simulator's seed, apart from the schedule's: the two streams do not share draws. */
  static long simSeed(long seed) {
    return seed * 0x9E3779B97F4A7C15L + 0x5157L;
  }

  private void runSchedule(RecordingCluster cluster, ScheduleGenerator generator,
      List<Step> executed, AtomicLong ops, long scheduleStart) throws InterruptedException {
    long deadline = scheduleStart + options.timeLimit().toNanos(); // the opening is not counted
    long nextSnapshot = System.nanoTime() + SNAPSHOT_EVERY_MS * 1_000_000;
    long submitted = 0;
    try (OpDispatcher dispatcher = new OpDispatcher(options.concurrency())) {
      while (System.nanoTime() < deadline
          && (options.opsLimit() == 0 || submitted < options.opsLimit())) {
        if (System.nanoTime() - nextSnapshot > 0) {
          snapshotQuietly(cluster); // logs over time, not only at the end, for the checkers
          nextSnapshot = System.nanoTime() + SNAPSHOT_EVERY_MS * 1_000_000;
        }
        Step step = generator.next();
        executed.add(step);
        int client = StepRunner.clientOf(step);
        if (client >= 0) {
          submitted++;
          dispatcher.submit(client, () -> {
            runQuietly(cluster, step);
            ops.incrementAndGet();
          });
        } else {
          dispatcher.drain(); // faults act between operations, as in the replayed script
          if (!runQuietly(cluster, step)) {
            generator.failed(step);
          }
        }
      }
      dispatcher.drain();
    }
  }

  /** Heal, stabilize, read everything; returns how long the stabilize after the heal took. */
  private double runFinale(RecordingCluster cluster, ScheduleGenerator generator,
      List<Step> executed, LongSupplier clock) {
    double convergenceMs = Double.NaN;
    for (Step step : generator.finale()) {
      long before = clock.getAsLong();
      execute(cluster, step, executed);
      if (step instanceof Step.Stabilize && Double.isNaN(convergenceMs)) {
        convergenceMs = (clock.getAsLong() - before) / 1e6;
      }
    }
    return convergenceMs;
  }

  private void snapshotQuietly(RecordingCluster cluster) {
    try {
      cluster.snapshotAll(RecordingCluster.PERIODIC);
    } catch (ClusterException e) {
      err.println("bayou campaign: a periodic snapshot failed: " + e.getMessage());
    }
  }

  private void execute(RecordingCluster cluster, Step step, List<Step> executed) {
    executed.add(step);
    runQuietly(cluster, step);
  }

  /** Runs a step; false, said on stderr, when it failed. */
  private boolean runQuietly(RecordingCluster cluster, Step step) {
    try {
      StepRunner.run(cluster, step);
      return true;
    } catch (ClusterException e) {
      stepFailed(cluster, step, e, err);
      return false;
    }
  }

  /** A step of the schedule failed: said on stderr, and recorded for the checkers. */
  static void stepFailed(RecordingCluster cluster, Step step, ClusterException e,
      PrintStream err) {
    err.println("bayou campaign: step '" + step.toLine() + "' failed: " + e.getMessage());
    cluster.stepFailed(step.toLine(), e.getMessage());
  }

  /**
   * Reads the recorded queue back once, and that one reading feeds the checkers, history.txt,
   * the live-server timeline and the pictures: each reading decodes every snapshot again.
   */
  private static List<CheckResult> check(Path runDir, LiveServers live, RunData pictures) {
    History.Builder history = History.builder();
    try (HistoryText.TxtFile txt = HistoryText.TxtFile.create(runDir.resolve("history.txt"))) {
      HistoryReader.forEach(runDir, event -> {
        history.add(event);
        txt.accept(event);
        live.accept(event);
        pictures.accept(event);
      });
    }
    return Checkers.checkAllInParallel(history.build());
  }

  /** What shrinking left: the minimal script, and whether real processes fail on it too. */
  record Shrunk(Path minimal, double ms, Boolean reproducesOnProcesses) {
    static final Shrunk NONE = new Shrunk(null, Double.NaN, null);
  }

  private Shrunk shrink(Path runDir, List<Step> executed, int setupSteps,
      List<CheckResult> results, long seed) throws IOException {
    Set<String> failed = results.stream().filter(r -> r.validity() == Validity.INVALID)
        .map(CheckResult::checker).collect(Collectors.toSet());
    err.println("bayou campaign: invalid (" + failed + "); shrinking for up to "
        + options.shrinkTime().toSeconds() + " s");
    Path scratch = Files.createDirectories(runDir.resolve("shrink"));
    Replay replay = options.simulated()
        ? Replay.simulated(simSeed(seed), options.sim(), options.bug(), scratch)
        : Replay.onProcesses(pools.get(), options.bug(), scratch);
    ShrinkSearch search = new ShrinkSearch(replay, failed, err);
    long start = System.nanoTime();
    Shrinker.Result shrunk = search.shrink(executed, setupSteps, options.shrinkTime());
    double ms = (System.nanoTime() - start) / 1e6;
    if (shrunk == null) {
      FileTrees.deleteQuietly(scratch);
      err.println("bayou campaign: no prefix of campaign.test failed again in a sequential "
          + "replay within the shrink budget; no minimal script");
      return Shrunk.NONE;
    }
    Path minimal = runDir.resolve("minimal.test");
    Files.writeString(minimal, Script.render(shrunk.steps()));
    err.printf(java.util.Locale.ROOT,
        "bayou campaign: minimal.test has %d steps (%s, %d replays, %.1f s)%n",
        shrunk.steps().size(), shrunk.outcome(), shrunk.tests(), ms / 1e3);
    Boolean onProcesses = null;
    NodePool pool = options.simulated() ? pools.get() : null;
    if (pool != null) {
      // a failure found only in simulation is a finding of its own: say which it is
      onProcesses = new ShrinkSearch(Replay.onProcesses(pool, options.bug(), scratch).quiet(),
          failed, err).stillFails(shrunk.steps());
      err.println("bayou campaign: minimal.test on real processes: "
          + (onProcesses ? "fails the same way" : "passes (a failure only in simulation)"));
    }
    FileTrees.deleteQuietly(scratch);
    return new Shrunk(minimal, ms, onProcesses);
  }
}

package bayou.cli;

import bayou.checker.Validity;
import bayou.cluster.NodePool;
import bayou.gen.FaultKind;
import bayou.gen.GeneratorOptions;
import bayou.harness.CampaignOptions;
import bayou.harness.CampaignResult;
import bayou.harness.CampaignInterrupt;
import bayou.harness.CampaignRunner;
import bayou.harness.RunReport;
import bayou.harness.RunsSummary;
import bayou.harness.StorePrune;
import bayou.sim.NetworkOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The main job: randomized fault campaigns against the real system, checked and stored. */
@Command(name = "campaign", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs a seeded schedule of client operations and faults (partitions, "
        + "pauses, retirements, joins, client moves) against real server and client processes, "
        + "records the history, heals, checks every property and stores the evidence under "
        + "store/<name>/<time>-seed<N>/ (store/latest points at the newest run).",
        "Exit 0 valid, 1 invalid, 2 unknown, 254 bad arguments."})
final class CampaignCommand implements Callable<Integer> {
  @Option(names = "--seed", description = "Seed of the schedule (default: random, printed).")
  Long seed;

  @Option(names = "--time-limit", defaultValue = "30", paramLabel = "S",
      description = "Seconds of operations and faults before the final heal (default "
          + "${DEFAULT-VALUE}).")
  int timeLimit;

  @Option(names = "--ops", defaultValue = "0", paramLabel = "N",
      description = "Stop after N client operations (default: no limit).")
  long ops;

  @Option(names = "--servers", defaultValue = "5", description = "Servers at the start "
      + "(default ${DEFAULT-VALUE}).")
  int servers;

  @Option(names = "--clients", defaultValue = "10", description = "Clients (default "
      + "${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--concurrency", defaultValue = "10", description = "Clients with an "
      + "operation in flight at once (default ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--min-servers", paramLabel = "N", description = "Live servers below which "
      + "no retirement goes: at the floor a new server joins before one retires (default: "
      + "--servers minus 2, at least 1).")
  Integer minServers;

  @Option(names = "--log-copy-ratio", paramLabel = "N", description = "Bound on the faults "
      + "that copy or reread a whole log (join, retire, kill): each may cost at most N writes "
      + "of log per client write since the last one, so a long run's throughput does not decay "
      + "as its log grows; 0 for no bound (default: "
      + GeneratorOptions.Builder.DEFAULT_LOG_COPY_RATIO + ").")
  Integer logCopyRatio;

  @Option(names = "--keys", defaultValue = "5", description = "Size of the key space (default "
      + "${DEFAULT-VALUE}).")
  int keys;

  @Option(names = "--fsync", defaultValue = "always", paramLabel = "POLICY",
      description = "Server disks: always (fsync before a write is answered, one fsync per "
          + "batch) or never (to the OS only: survives a process kill, not a power cut); "
          + "default ${DEFAULT-VALUE}.")
  String fsync;

  @Option(names = "--nemesis", defaultValue = "partition,pause,retire,join,move,"
      + "kill,freeze,clock",
      paramLabel = "KINDS", description = "Fault kinds, comma-separated, or all / none "
          + "(default ${DEFAULT-VALUE}).")
  String nemesis;

  @Option(names = "--fault-probability", defaultValue = "0.02", paramLabel = "P",
      description = "Chance that a step is a fault (default ${DEFAULT-VALUE}).")
  double faultProbability;

  @Option(names = "--runs", defaultValue = "1", description = "Campaigns to run, with seeds "
      + "seed, seed+1, ... (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--bug", paramLabel = "NAME", completionCandidates = BugNames.class,
      description = "Inject a defect into every node to see the checkers catch it: "
          + "${COMPLETION-CANDIDATES}.")
  String bug;

  @Option(names = "--shrink-time", defaultValue = "120", paramLabel = "S",
      description = "Seconds to shrink an invalid run to minimal.test (0: no shrinking; "
          + "default ${DEFAULT-VALUE}).")
  int shrinkTime;

  @Option(names = "--no-record", negatable = false, description = "Record and check nothing "
      + "(only to measure what recording costs; the verdict is unknown).")
  boolean noRecord;

  @Option(names = "--sim", description = "Run in the deterministic simulator: the same server "
      + "and client code in one thread over a simulated network and clocks, in virtual time. "
      + "The same seed and options give a byte-identical history. With --runs N, seeds are swept "
      + "on all cores.")
  boolean sim;

  @Mixin
  NetworkMixin network = new NetworkMixin();

  @Mixin
  NetMixin net = new NetMixin();

  @Option(names = "--jobs", paramLabel = "N", description = "--sim sweeps: runs at once "
      + "(default: one per core).")
  Integer jobs;

  @Option(names = "--keep-valid", negatable = false, description = "With --runs above 1, keep "
      + "the queue and history.txt of valid runs too (default: only invalid runs keep them; "
      + "every run keeps results.json and campaign.test; a --sim sweep keeps no directory of a "
      + "valid run).")
  boolean keepValid;

  @Option(names = "--store", defaultValue = "store", paramLabel = "DIR",
      description = "Where runs are kept (default ${DEFAULT-VALUE}).")
  Path store;

  @Option(names = "--name", defaultValue = "bayou", description = "Campaign name, the store's "
      + "subdirectory (default ${DEFAULT-VALUE}).")
  String name;

  @Override
  public Integer call() throws Exception {
    CampaignOptions options;
    try {
      options = options();
    } catch (IllegalArgumentException e) {
      System.err.println("bayou campaign: " + e.getMessage());
      return Main.BAD_ARGUMENTS;
    }
    long first = seed != null ? seed : new java.security.SecureRandom().nextLong() >>> 16;
    if (options.simulated()) {
      try (Sweep sweep = new Sweep(options,
          jobs != null ? jobs : Runtime.getRuntime().availableProcessors(), keepValid || runs == 1,
          System.out, System.err)) {
        return sweep.run(first, runs).exitCode();
      }
    }
    Validity overall = Validity.VALID;
    List<CampaignResult> results = new ArrayList<>();
    try (NodePool pool = net.pool(4, NodePool.nodeJvmArgs(false));
        CampaignInterrupt interrupt = new CampaignInterrupt(store.resolve(name), pool,
            System.err)) {
      for (int run = 0; run < runs; run++) {
        long runSeed = first + run;
        System.err.println("bayou campaign: seed " + runSeed);
        CampaignResult result = new CampaignRunner(options, pool, interrupt.err()).run(runSeed);
        RunReport.print(result, options, System.out);
        results.add(StorePrune.afterRun(result, runs > 1 && !keepValid, System.err));
        overall = worse(overall, result.validity());
      }
    }
    if (runs > 1) {
      System.out.print("\n" + RunsSummary.table(results));
    }
    return switch (overall) {
      case VALID -> 0;
      case INVALID -> 1;
      case UNKNOWN -> 2;
    };
  }

  CampaignOptions options() {
    if (!net.namespaces(sim) && FaultKind.parseList(nemesis).contains(FaultKind.SLOW)) {
      throw new IllegalArgumentException("--nemesis slow needs --net netns (real links to slow)");
    }
    String problem = CampaignChecks.problem(this);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    System.setProperty(bayou.cluster.ProcessCluster.FSYNC_PROPERTY,
        bayou.cluster.ProcessCluster.checkedFsync(fsync));
    GeneratorOptions generator = GeneratorOptions.builder().servers(servers).clients(clients)
        .keys(keys).nemesis(FaultKind.parseList(nemesis)).faultProbability(faultProbability)
        .minServers(minServers != null ? minServers
            : GeneratorOptions.Builder.defaultMinServers(servers))
        .logCopyRatio(logCopyRatio != null ? logCopyRatio
            : GeneratorOptions.Builder.DEFAULT_LOG_COPY_RATIO)
        .build();
    return new CampaignOptions(generator, Duration.ofSeconds(timeLimit), ops, concurrency,
        BugNames.validated(bug), Duration.ofSeconds(shrinkTime),
        store, name, !noRecord,
        sim ? network.over(NetworkOptions.campaignDefault()) : null);
  }

  private static Validity worse(Validity a, Validity b) {
    if (a == Validity.INVALID || b == Validity.INVALID) {
      return Validity.INVALID;
    }
    return a == Validity.UNKNOWN || b == Validity.UNKNOWN ? Validity.UNKNOWN : Validity.VALID;
  }
}

package bayou.cli;

import bayou.cluster.NodePool;
import bayou.cluster.ProcessCluster;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Benchmarks that print numbers (never pass/fail): see docs/BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks that print numbers.",
    subcommands = {BenchCommand.Startup.class, BenchCommand.Stabilize.class,
        BenchCommand.Sim.class, BenchCommand.Restart.class})
final class BenchCommand {
  static String quantiles(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return String.format("min %.1f  median %.1f  p90 %.1f  max %.1f", sorted.get(0),
        sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
        sorted.get(sorted.size() - 1));
  }

  @Command(name = "startup", mixinStandardHelpOptions = true,
      description = "Time from starting a node process to its first joinServer being done, "
          + "with no spare booted ahead (the cost the pool hides).")
  static final class Startup implements Callable<Integer> {
    @Option(names = "--n", defaultValue = "10", description = "Processes (default 10).")
    int n;

    @Override
    public Integer call() {
      List<Double> ms = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        long start = System.nanoTime();
        try (NodePool pool = new NodePool(1, NodePool.defaultNodeJvmArgs());
            ProcessCluster cluster = new ProcessCluster(pool, "")) {
          cluster.joinServer(0);
          ms.add((System.nanoTime() - start) / 1e6);
        }
      }
      System.out.println("node start-up to joined, ms: " + quantiles(ms));
      return 0;
    }
  }

  @Command(name = "stabilize", mixinStandardHelpOptions = true,
      description = "Time of 'stabilize' after one put, on N servers.")
  static final class Stabilize implements Callable<Integer> {
    @Option(names = "--servers", defaultValue = "21", description = "Servers (default 21).")
    int servers;

    @Option(names = "--rounds", defaultValue = "10", description = "Puts (default 10).")
    int rounds;

    @Override
    public Integer call() {
      List<Double> ms = new ArrayList<>();
      try (NodePool pool = new NodePool(4, NodePool.defaultNodeJvmArgs());
          ProcessCluster cluster = new ProcessCluster(pool, "")) {
        for (int s = 0; s < servers; s++) {
          cluster.joinServer(s);
        }
        int client = servers;
        cluster.joinClient(client, servers - 1);
        cluster.stabilize();
        for (int round = 0; round < rounds; round++) {
          cluster.put(client, "song", "url" + round);
          long start = System.nanoTime();
          cluster.stabilize();
          ms.add((System.nanoTime() - start) / 1e6);
        }
      }
      System.out.printf("stabilize after one put on %d servers, ms: %s%n", servers,
          quantiles(ms));
      return 0;
    }
  }


  @Command(name = "sim", mixinStandardHelpOptions = true,
      description = "Default simulated campaigns one after another in this JVM, each recorded, "
          + "checked and stored in a temporary store (deleted after): wall and CPU time per "
          + "run. The first run pays for the JIT; the later ones show the steady state.")
  static final class Sim implements Callable<Integer> {
    @Option(names = "--seed", defaultValue = "42", description = "First seed (default 42).")
    long seed;

    @Option(names = "--runs", defaultValue = "5", description = "Runs (default 5).")
    int runs;

    @Option(names = "--same-seed", description = "Run the first seed every time.")
    boolean sameSeed;

    @Option(names = "--in-memory",
        description = "Record and check in memory, as a sweep screens its seeds.")
    boolean inMemory;

    @Override
    public Integer call() throws Exception {
      // the process's CPU: the checkers' threads, the JIT and the GC count too; this thread's
      // alone is the steadier measure of the run's own work
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      java.nio.file.Path store = java.nio.file.Files.createTempDirectory("bayou-bench-sim");
      CampaignCommand campaign = new CampaignCommand(); // the campaign command's defaults
      new picocli.CommandLine(campaign).parseArgs("--sim", "--store", store.toString(),
          "--name", "bench");
      bayou.harness.CampaignOptions options = campaign.options();
      java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
      try {
        for (int run = 0; run < runs; run++) {
          long runSeed = sameSeed ? seed : seed + run;
          bayou.harness.CampaignRunner runner =
              new bayou.harness.CampaignRunner(options, () -> null, quiet);
          long wall = System.nanoTime();
          long cpu = os.getProcessCpuTime();
          long own = threads.getCurrentThreadCpuTime();
          bayou.harness.CampaignResult result =
              (inMemory ? runner.screenInMemory() : runner).run(runSeed);
          double cpuS = (os.getProcessCpuTime() - cpu) / 1e9;
          double ownS = (threads.getCurrentThreadCpuTime() - own) / 1e9;
          double wallS = (System.nanoTime() - wall) / 1e9;
          System.out.printf("seed %d: %s, %,d ops, %.2f s wall, %.2f s CPU (%.2f s on this"
              + " thread), %,.0f ops per CPU second%n", runSeed, result.validity(), result.ops(),
              wallS, cpuS, ownS, result.ops() / cpuS);
        }
      } finally {
        bayou.harness.FileTrees.deleteQuietly(store);
      }
      return 0;
    }
  }

  @Command(name = "restart", mixinStandardHelpOptions = true,
      description = "Time of 'restartServer' for a killed server whose disk holds N writes: "
          + "a booted node reads the disk, rebuilds the replica and shows its log.")
  static final class Restart implements Callable<Integer> {
    @Option(names = "--writes", defaultValue = "100000", description = "Writes on the disk "
        + "(default ${DEFAULT-VALUE}).")
    int writes;

    @Option(names = "--rounds", defaultValue = "3", description = "Restarts (default "
        + "${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws java.io.IOException {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("bayou-restart-bench");
      List<Double> ms = new ArrayList<>();
      long bytes;
      try (NodePool pool = new NodePool(2, NodePool.nodeJvmArgs(true));
          ProcessCluster cluster = new ProcessCluster(pool, "").dataDir(dir)) {
        cluster.joinServer(0);
        cluster.killServer(0);
        java.nio.file.Path disk = dir.resolve("server-0.log");
        bayou.node.DiskFixture.appendRootPuts(disk,
            writes, System.currentTimeMillis() * 1_000);
        bytes = java.nio.file.Files.size(disk);
        for (int round = 0; round < rounds; round++) {
          long start = System.nanoTime();
          int recovered = cluster.restartServer(0).committed().size();
          ms.add((System.nanoTime() - start) / 1e6);
          if (recovered != writes) {
            System.err.println("bayou bench: recovered " + recovered + " writes, not " + writes);
            return 1;
          }
          cluster.killServer(0);
        }
      } finally {
        try (var files = java.nio.file.Files.walk(dir)) {
          for (java.nio.file.Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            java.nio.file.Files.deleteIfExists(f);
          }
        }
      }
      System.out.printf("restartServer with %d writes on disk (%.1f MB), ms: %s%n", writes,
          bytes / 1e6, quantiles(ms));
      return 0;
    }
  }
}

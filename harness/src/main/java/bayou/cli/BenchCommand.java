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
    subcommands = {BenchCommand.Startup.class, BenchCommand.Stabilize.class})
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

}

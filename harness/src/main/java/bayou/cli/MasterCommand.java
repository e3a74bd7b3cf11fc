package bayou.cli;

import bayou.cluster.ClusterException;
import bayou.cluster.NodePool;
import bayou.cluster.RecordingCluster;
import bayou.history.ChronicleHistory;
import bayou.history.HistorySink;
import bayou.cluster.NodeCluster;
import bayou.cluster.ProcessCluster;
import bayou.cluster.SimCluster;
import bayou.sim.NetworkOptions;
import bayou.master.Master;
import bayou.report.RunReport;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The course master on stdin and stdout. */
@Command(name = "master", mixinStandardHelpOptions = true,
    description = {"Reads course commands from stdin until EOF and prints their results.",
        "Unknown or malformed lines are ignored with one line on stderr."})
final class MasterCommand implements Callable<Integer> {
  @Option(names = "--bug", paramLabel = "NAME", completionCandidates = BugNames.class,
      description = "Inject a defect into every node (for checker tests): "
          + "${COMPLETION-CANDIDATES}. Never on by default.")
  String bug;

  @Option(names = "--history", paramLabel = "DIR",
      description = "Record the run (operations, faults, log snapshots) to a Chronicle Queue in "
          + "DIR; at EOF the master heals, stabilizes and snapshots every log for the checkers.")
  Path history;

  @Option(names = "--quiet-replay", description = "With --history: mark the history as a short "
      + "script replayed alone on this machine, so that the availability checker judges every "
      + "operation left unanswered and every failed step, as in the simulator (how a minimal "
      + "script found there is confirmed on processes).")
  boolean quietReplay;

  @Option(names = "--sim", description = "Run the script in the deterministic simulator "
      + "instead of on real processes (a reliable network and synchronized clocks unless the "
      + "network options say otherwise).")
  boolean sim;

  @Option(names = "--seed", defaultValue = "1", description = "--sim: the simulator's seed "
      + "(default ${DEFAULT-VALUE}).")
  long seed;

  @Mixin
  NetworkMixin network = new NetworkMixin();

  @Option(names = "--fsync", defaultValue = "always", paramLabel = "POLICY",
      description = "Server disks: always (fsync before a write is answered, one fsync per "
          + "batch) or never (to the OS only: survives a process kill, not a power cut); "
          + "default ${DEFAULT-VALUE}.")
  String fsync;

  @Mixin
  NetMixin net = new NetMixin();

  @Option(names = "--spares", defaultValue = "3",
      description = "Node processes kept booted ahead of need (default ${DEFAULT-VALUE}).")
  int spares;

  @Override
  public Integer call() throws Exception {
    String bugs;
    try {
      bugs = BugNames.validated(bug);
      System.setProperty(bayou.cluster.ProcessCluster.FSYNC_PROPERTY,
          bayou.cluster.ProcessCluster.checkedFsync(fsync));
    } catch (IllegalArgumentException e) {
      System.err.println("bayou master: " + e.getMessage());
      return Main.BAD_ARGUMENTS;
    }
    if (quietReplay && history == null) {
      System.err.println("bayou master: --quiet-replay marks a recorded history: give --history");
      return Main.BAD_ARGUMENTS;
    }
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false,
        StandardCharsets.UTF_8);
    java.io.InputStream in = System.in; // read by the master with a bounded line length
    NetworkOptions simulated;
    try {
      simulated = sim ? network.over(NetworkOptions.reliable()) : null;
      net.namespaces(sim);
    } catch (IllegalArgumentException e) {
      System.err.println("bayou master: " + e.getMessage());
      return Main.BAD_ARGUMENTS;
    }
    try (NodePool pool = sim ? null : net.pool(spares, NodePool.defaultNodeJvmArgs());
        NodeCluster cluster = sim ? new SimCluster(seed, simulated, bugs)
            : new ProcessCluster(pool, bugs)) {
      if (history == null) {
        new Master(cluster, out, System.err).run(in);
      } else {
        try (HistorySink sink = ChronicleHistory.create(history, cluster.historyClock())) {
          RecordingCluster recording = new RecordingCluster(cluster, sink);
          if (quietReplay) {
            recording.markQuietReplay();
          }
          new Master(recording, out, System.err).run(in);
          out.flush();
          finish(recording);
        }
        RunReport.writeQuietly(history, System.err); // once the queue is closed
      }
    }
    out.flush();
    return 0;
  }

  private static void finish(RecordingCluster recording) {
    try {
      recording.finish(true);
    } catch (ClusterException e) {
      System.err.println("bayou master: the final heal of the recorded run failed: "
          + e.getMessage());
    }
  }

}

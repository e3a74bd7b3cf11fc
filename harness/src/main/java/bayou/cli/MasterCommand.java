package bayou.cli;

import bayou.cluster.NodePool;
import bayou.cluster.ProcessCluster;
import bayou.master.Master;
import bayou.replica.Bug;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The course master on stdin and stdout. */
@Command(name = "master", mixinStandardHelpOptions = true,
    description = {"Reads course commands from stdin until EOF and prints their results.",
        "Unknown or malformed lines are ignored with one line on stderr."})
final class MasterCommand implements Callable<Integer> {
  @Option(names = "--bug", paramLabel = "NAME",
      description = "Inject a defect into every node (for checker tests): ${COMPLETION-CANDIDATES}")
  BugName bug;

  @Option(names = "--spares", defaultValue = "3",
      description = "Node processes kept booted ahead of need (default ${DEFAULT-VALUE}).")
  int spares;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false,
        StandardCharsets.UTF_8);
    try (NodePool pool = new NodePool(spares, NodePool.defaultNodeJvmArgs());
        ProcessCluster cluster = new ProcessCluster(pool, BugName.flag(bug))) {
      new Master(cluster, out, System.err).run(new BufferedReader(
          new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }
    out.flush();
    return 0;
  }

  /** The {@code --bug} names, as picocli completion candidates. */
  enum BugName {
    skip_ryw, skip_mr, skip_mw, skip_wfr, forget_retired, non_primary_commit, skip_rollback,
    lose_write;

    static String flag(BugName bug) {
      return bug == null ? "" : Bug.valueOf(bug.name().toUpperCase()).flag();
    }
  }
}

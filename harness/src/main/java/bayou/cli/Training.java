package bayou.cli;

import bayou.node.WarmUp;
import java.util.List;

/**
 * A short run that loads the classes a master uses, so that {@code bin/bayou} can archive them
 * (AppCDS) and every later command starts faster; nodes have their own archive
 * ({@link bayou.node.NodeTraining}). Prints nothing; never used otherwise.
 */
public final class Training {
  private Training() {}

  public static void main(String[] args) throws Exception {
    WarmUp.run();
    for (String name : List.of("bayou.cluster.ProcessCluster", "bayou.cluster.NodePool",
        "bayou.master.Master", "bayou.master.Suite")) {
      Class.forName(name);
    }
    new picocli.CommandLine(new Main()).getUsageMessage();
    System.exit(0);
  }
}

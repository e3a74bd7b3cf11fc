package bayou.cli;

import bayou.node.WarmUp;
import java.util.List;

/**
 * A short run that loads the classes masters and nodes use, so that {@code bin/bayou} can
 * archive them (AppCDS) and every later JVM starts faster. Prints nothing; never used otherwise.
 */
public final class Training {
  private Training() {}

  public static void main(String[] args) throws Exception {
    WarmUp.run();
    for (String name : List.of("bayou.node.NodeMain", "bayou.node.ServerRole",
        "bayou.node.ClientRole", "bayou.node.Transport", "bayou.node.ControlLink",
        "bayou.cluster.ProcessCluster", "bayou.master.Master", "bayou.master.Suite")) {
      Class.forName(name);
    }
    new picocli.CommandLine(new Main()).getUsageMessage();
    System.exit(0);
  }
}

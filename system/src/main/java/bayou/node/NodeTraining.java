package bayou.node;

import java.util.List;

/**
 * Loads what a node process uses, so that {@code bin/bayou} can archive it (AppCDS) on the
 * node class path and every node starts faster. Prints nothing; never used otherwise.
 */
public final class NodeTraining {
  private NodeTraining() {}

  public static void main(String[] args) throws Exception {
    WarmUp.run();
    for (String name : List.of("bayou.node.NodeMain", "bayou.node.ServerRole",
        "bayou.node.ClientRole", "bayou.node.Transport", "bayou.node.ControlLink",
        "bayou.node.PeerKnowledge", "bayou.node.Inbound", "bayou.node.Log")) {
      Class.forName(name);
    }
    System.exit(0);
  }
}

package bayou.master;

import bayou.cluster.NodePool;
import bayou.cluster.ProcessCluster;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the course master on stdin/stdout with a fresh process cluster. */
public final class MasterMain {
  static final int DEFAULT_SPARES = 3;

  private MasterMain() {}

  public static void main(String[] args) throws Exception {
    String bugs = args.length > 0 ? args[0] : "";
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
        false, StandardCharsets.UTF_8);
    try (NodePool pool = new NodePool(DEFAULT_SPARES, NodePool.defaultNodeJvmArgs());
        ProcessCluster cluster = new ProcessCluster(pool, bugs)) {
      new Master(cluster, out, System.err).run(System.in);
    }
    out.flush();
    System.exit(0);
  }
}

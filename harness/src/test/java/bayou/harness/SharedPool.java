package bayou.harness;

import bayou.cluster.NodePool;

/**
 * One pool of booted node processes for every test of this JVM: each test class would otherwise
 * boot its own spares. Closed when the test JVM exits (the nodes would halt then anyway).
 */
final class SharedPool {
  private static NodePool pool;

  private SharedPool() {}

  static synchronized NodePool get() {
    if (pool == null) {
      pool = new NodePool(4, NodePool.defaultNodeJvmArgs());
      Runtime.getRuntime().addShutdownHook(new Thread(pool::close, "close-node-pool"));
    }
    return pool;
  }
}

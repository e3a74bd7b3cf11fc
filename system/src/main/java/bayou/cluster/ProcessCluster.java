package bayou.cluster;

import java.util.List;

/**
 * A Bayou system of real processes: each server and client is a node process from the
 * {@link NodePool}, controlled over its control connection. Closing it stops every node: each
 * halts as its control connection closes; the pool waits for their exits when it closes, so a
 * suite does not wait between cases.
 */
public final class ProcessCluster extends NodeCluster {
  private final NodePool pool;

  /** @param bugs comma-separated {@code --bug} names passed to every node, or "" */
  public ProcessCluster(NodePool pool, String bugs) {
    super(bugs);
    this.pool = pool;
  }

  @Override
  Node takeNode() {
    return pool.take(BOOT_TIMEOUT);
  }

  /** With {@code --net netns}: nftables drops between the two nodes' namespaces. */
  @Override
  boolean cutNetwork(int a, int b, boolean cut) {
    NetNamespaces net = pool.network();
    if (net == null) {
      return false;
    }
    net.cut(portOf(a), portOf(b), cut);
    return true;
  }

  /** With {@code --net netns}: the run's {@link LinkFault} on both directions of the link. */
  @Override
  void slowNetwork(int a, int b, boolean on) {
    NetNamespaces net = pool.network();
    if (net == null) {
      super.slowNetwork(a, b, on);
      return;
    }
    net.faults().set(portOf(a), portOf(b), on ? net.slowFault() : null);
  }

  @Override
  long nowNanos() {
    return System.nanoTime();
  }

  @Override
  boolean awaitStable(List<List<Integer>> groups, long deadlineNanos) {
    return stabilizer.awaitStable(groups, deadlineNanos);
  }
}

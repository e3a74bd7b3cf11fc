package bayou.cli;

import bayou.cluster.ClusterException;
import bayou.cluster.LinkFault;
import bayou.cluster.NetNamespaces;
import bayou.cluster.NodePool;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --net}: where node processes talk. {@code loopback} (the default) puts every node on
 * 127.0.0.1 and partitions are messages the nodes drop; {@code netns} puts each node in a network
 * namespace of its own and partitions are packets dropped by nftables (root only).
 */
final class NetMixin {
  @Option(names = "--net", defaultValue = "loopback", paramLabel = "MODE",
      description = "loopback (default): nodes on 127.0.0.1, partitions dropped by the nodes; "
          + "netns: each node in its own network namespace behind a bridge, partitions as "
          + "dropped packets (nftables), slow links by nftables and netem. Needs root; not with "
          + "--sim.")
  String net;

  @Option(names = "--slow-link", defaultValue = "50,20,0.05,0.02,0.1",
      paramLabel = "D,J,L,U,R", description = "--net netns: what a slow link (the slow nemesis, "
          + "the slow step) does both ways: delay and jitter in ms, chances of loss, duplication "
          + "and reordering (default ${DEFAULT-VALUE}; delay, jitter and reordering need the "
          + "kernel's sch_netem).")
  String slowLink;

  /** Whether real network namespaces were asked for; a bad mode is an error in one line. */
  boolean namespaces(boolean sim) {
    if (!net.equals("loopback") && !net.equals("netns")) {
      throw new IllegalArgumentException("--net takes loopback or netns, got '" + net + "'");
    }
    if (sim && net.equals("netns")) {
      throw new IllegalArgumentException("--net netns runs real processes; it cannot be used "
          + "with --sim");
    }
    LinkFault.parse(slowLink); // a bad value is an error before anything starts
    return net.equals("netns");
  }

  /**
   * The node pool of a run on processes, over the run's namespaces when asked for (the pool
   * removes them when it closes).
   *
   * @throws ClusterException in one line when the namespaces cannot be made (not root, ...)
   */
  NodePool pool(int spares, List<String> nodeJvmArgs) {
    if (!namespaces(false)) {
      return new NodePool(spares, nodeJvmArgs);
    }
    NetNamespaces namespaces = NetNamespaces.create(LinkFault.parse(slowLink));
    try {
      return new NodePool(spares, nodeJvmArgs, namespaces);
    } catch (RuntimeException e) {
      namespaces.close();
      throw e;
    }
  }
}

package bayou.cluster;

import java.util.List;

/**
 * A Bayou system of real processes: each server and client is a node process from the
 * {@link NodePool}, controlled over its control connection. Closing it stops every node: each
 * halts as its control connection closes; the pool waits for their exits when it closes, so a
 * suite does not wait between cases.
 */
public final class ProcessCluster extends NodeCluster {
  /** The default fsync policy of server disks (see README): forced before answers go out. */
  public static final String DEFAULT_FSYNC = "always";
  /** The system property that sets every new cluster's fsync policy (the CLI's --fsync). */
  public static final String FSYNC_PROPERTY = "bayou.fsync";

  private final NodePool pool;
  private java.nio.file.Path dataDir;
  private boolean ownDataDir;
  private String fsync = checkedFsync(System.getProperty(FSYNC_PROPERTY, DEFAULT_FSYNC));

  /** @param bugs comma-separated {@code --bug} names passed to every node, or "" */
  public ProcessCluster(NodePool pool, String bugs) {
    super(bugs);
    this.pool = pool;
  }

  /** Keeps server disks under {@code dir} (a campaign's run directory); else a temporary one. */
  public synchronized ProcessCluster dataDir(java.nio.file.Path dir) {
    dataDir = dir;
    ownDataDir = false;
    return this;
  }

  /** The servers' fsync policy: {@code always} or {@code never}. */
  public synchronized ProcessCluster fsync(String policy) {
    fsync = checkedFsync(policy);
    return this;
  }

  /** The policy, if it is one: {@code always} or {@code never}. */
  public static String checkedFsync(String policy) {
    if (!"always".equals(policy) && !"never".equals(policy)) {
      throw new IllegalArgumentException("--fsync must be always or never, got " + policy);
    }
    return policy;
  }

  @Override
  synchronized String storage(int id) {
    if (dataDir == null) {
      try {
        dataDir = java.nio.file.Files.createTempDirectory("bayou-disks");
        ownDataDir = true;
      } catch (java.io.IOException e) {
        throw new ClusterException("cannot make a directory for server disks: "
            + e.getMessage());
      }
    }
    return fsync + " " + dataDir.resolve("server-" + id + ".log").toAbsolutePath();
  }

  @Override
  public synchronized void close() {
    super.close();
    if (ownDataDir) {
      deleteQuietly(dataDir);
    }
  }

  /** Removes the temporary disks; a file a node still writes goes when the node halts. */
  private static void deleteQuietly(java.nio.file.Path dir) {
    try (var files = java.nio.file.Files.walk(dir)) {
      for (java.nio.file.Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.deleteIfExists(file);
      }
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      System.err.println("bayou: could not remove " + dir + ": " + e.getMessage());
    }
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

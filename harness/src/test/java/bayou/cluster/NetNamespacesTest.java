package bayou.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bayou.replica.Write;
import bayou.wire.Msg;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --net netns}: nodes in namespaces of their own, partitions as dropped packets, slow
 * links, and nothing left behind, not even by a master killed with SIGKILL. Needs root; skipped
 * elsewhere with a printed reason ({@code .ci/run} runs as root).
 */
class NetNamespacesTest {
  private static boolean root;

  @BeforeAll
  static void needsRoot() throws Exception {
    root = Files.readAllLines(Path.of("/proc/self/status")).stream()
        .anyMatch(l -> l.matches("Uid:\\s+0\\s.*"));
    if (!root) {
      System.err.println("NetNamespacesTest: skipped: --net netns needs root (network "
          + "namespaces, veth pairs, nftables); .ci/run runs as root");
    }
  }

  private static String namespaces() {
    return NetNamespaces.run(List.of("ip", "netns", "list"), null);
  }

  /** Whether a TCP connection from one node's namespace to another node gets through in 2 s. */
  private static boolean connects(NetNamespaces net, int fromAddress, int toAddress) {
    String ns = net.namespaceOf(fromAddress);
    try {
      NetNamespaces.run(List.of("ip", "netns", "exec", ns, "timeout", "2", "bash", "-c",
          "echo > /dev/tcp/" + net.ipOf(toAddress) + "/" + (toAddress & 0xffff)), null);
      return true;
    } catch (ClusterException e) {
      return false;
    }
  }

  private static List<String> puts(Msg.LogDump log) {
    return Stream.concat(log.committed().stream(), log.tentative().stream())
        .filter(w -> w.op().equals(Write.PUT)).map(Write::courseLine).toList();
  }

  /** Waits, on file-system events, until {@code file} is gone or the seconds are up. */
  private static void awaitDeleted(Path file, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    try (WatchService watcher = file.getFileSystem().newWatchService()) {
      file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_DELETE);
      while (Files.exists(file)) {
        long left = deadline - System.nanoTime();
        WatchKey key = left > 0 ? watcher.poll(left, TimeUnit.NANOSECONDS) : null;
        if (key == null) {
          return;
        }
        key.pollEvents();
        key.reset();
      }
    }
  }

  @Test
  void aPartitionDropsPacketsAndTheHealLetsThemThrough() {
    assumeTrue(root, "needs root");
    NetNamespaces net = NetNamespaces.create(LinkFault.DEFAULT);
    String bridge = net.bridgeNamespace();
    try (NodePool pool = new NodePool(3, NodePool.defaultNodeJvmArgs(), net);
        ProcessCluster cluster = new ProcessCluster(pool, "")) {
      cluster.joinServer(0);
      cluster.joinServer(1);
      cluster.joinClient(2, 0);
      assertNotEquals(net.namespaceOf(cluster.portOf(0)), net.namespaceOf(cluster.portOf(1)));
      assertTrue(connects(net, cluster.portOf(0), cluster.portOf(1)), "linked before the cut");
      cluster.breakConnection(0, 1);
      assertFalse(connects(net, cluster.portOf(0), cluster.portOf(1)), "the cut drops packets");
      assertTrue(connects(net, cluster.portOf(2), cluster.portOf(0)), "other links stay up");
      cluster.put(2, "song", "url");
      cluster.stabilize();
      assertEquals(List.of(), puts(cluster.log(1)), "nothing crosses the cut");
      cluster.restoreConnection(0, 1);
      assertTrue(connects(net, cluster.portOf(0), cluster.portOf(1)), "the heal lets them by");
      cluster.slow(0, -1, true); // every link of server 0 loses and duplicates some packets
      cluster.put(2, "song2", "url2");
      cluster.slow(0, -1, false);
      cluster.stabilize();
      assertEquals(List.of("PUT:(song, url):TRUE", "PUT:(song2, url2):TRUE"),
          puts(cluster.log(1)));
      assertTrue(namespaces().contains(bridge));
    }
    assertFalse(namespaces().contains(bridge), "the pool removes the run's namespaces");
    assertFalse(namespaces().contains(bridge.replace("-br", "-")), namespaces());
  }

  @Test
  void slowLinksNeedRealNamespaces() {
    try (NodePool pool = new NodePool(1, NodePool.defaultNodeJvmArgs());
        ProcessCluster cluster = new ProcessCluster(pool, "")) {
      cluster.joinServer(0);
      cluster.joinServer(1);
      ClusterException e = assertThrows(ClusterException.class, () -> cluster.slow(0, 1, true));
      assertTrue(e.getMessage().contains("--net netns"), e.getMessage());
    }
  }

  @Test
  void aMasterKilledBySigkillLeavesNoNamespace() throws Exception {
    assumeTrue(root, "needs root");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process master = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "bayou.cli.Main", "master", "--net", "netns")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Path record = NetRegistry.directory().resolve(master.pid() + ".net");
    List<String> names;
    try (Writer in = master.outputWriter(StandardCharsets.UTF_8);
        BufferedReader out = new BufferedReader(new InputStreamReader(master.getInputStream(),
            StandardCharsets.UTF_8))) {
      in.write("joinServer 0\njoinServer 1\njoinClient 2 0\nput 2 song url\nget 2 song\n");
      in.flush();
      assertEquals("song:url", out.readLine(), "the cluster must be up before the kill");
      names = Files.readAllLines(record).stream().filter(l -> l.startsWith("netns "))
          .map(l -> l.substring(6)).toList();
      assertTrue(names.size() >= 4, "the bridge, servers, client and spares: " + names);
      assertTrue(names.stream().allMatch(namespaces()::contains), namespaces());
      master.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertTrue(master.waitFor(10, TimeUnit.SECONDS));
    } finally {
      master.destroyForcibly();
    }
    awaitDeleted(record, 20); // the watcher removes the record last
    assertFalse(Files.exists(record), "the watcher removed the run's record");
    String left = namespaces();
    assertEquals(List.of(), names.stream().filter(left::contains).toList());
  }
}

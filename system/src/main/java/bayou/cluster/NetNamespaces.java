package bayou.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code --net netns}: every node process in a Linux network namespace of its own, with its own
 * address in the run's /16, joined by a veth pair to a bridge in a namespace the run creates. The
 * master stays in the root namespace and reaches the bridge through one more veth pair, whose
 * root end has the run's first address; nodes connect out to its control listener there. Nodes
 * have no other route, so traffic stays inside the run's namespaces.
 *
 * <p>Partitions are packets dropped in the bridge (an nftables set of cut address pairs); link
 * faults ({@link LinkFault}) are nftables loss and duplication rules and, where the kernel has
 * {@code sch_netem}, netem delay, jitter and reordering, on the sending node's interface.
 *
 * <p>Every name is recorded ({@link NetRegistry}) before it is created, so that
 * {@code bin/cleanup} removes what a killed master left, by name. Needs root, {@code ip} and
 * {@code nft}; {@link #create} says at once, in one line, what is missing.
 */
public final class NetNamespaces implements AutoCloseable {
  /** Run subnets are 10.(BASE+slot).0.0/16. */
  static final int SUBNET_BASE = 100;
  static final int SLOTS = 100;
  static final long COMMAND_TIMEOUT_MS = 20_000;
  static final String BRIDGE = "br0";
  static final String UPLINK = "uplink";

  private final String prefix;
  private final int subnet;
  private final NetRegistry registry;
  private final String bridgeNs;
  private final String rootLink;
  private final Map<Long, String> nodes = new ConcurrentHashMap<>();
  /** Cut pairs of addresses, each as "lower higher": nftables refuses a second add or delete. */
  private final java.util.Set<String> cuts = ConcurrentHashMap.newKeySet();
  private final LinkFaults faults;
  private final LinkFault slowFault;
  private volatile boolean closed;

  private NetNamespaces(String prefix, int subnet, NetRegistry registry, LinkFault slowFault) {
    this.slowFault = slowFault;
    this.prefix = prefix;
    this.subnet = subnet;
    this.registry = registry;
    this.bridgeNs = prefix + "-br";
    this.rootLink = prefix + "m";
    this.faults = new LinkFaults(this);
  }

  /**
   * Sets up the run's bridge namespace.
   *
   * @throws ClusterException in one line when not root, a tool is missing, or no subnet is free
   */
  public static NetNamespaces create(LinkFault slowFault) {
    requireRoot();
    requireTool("ip", "iproute2");
    requireTool("nft", "nftables");
    long pid = ProcessHandle.current().pid();
    String prefix = "by" + Long.toString(pid, 36); // at most 7 characters: names stay short
    NetRegistry registry = NetRegistry.forThisProcess();
    registry.startReaper();
    int slot = registry.claimSubnet(SUBNET_BASE, SLOTS);
    NetNamespaces net = new NetNamespaces(prefix, SUBNET_BASE + slot, registry,
        slowFault);
    try {
      net.setUp();
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
    return net;
  }

  private static void requireRoot() {
    String uid;
    try {
      uid = Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("Uid:")).findFirst().orElse("Uid: -1").split("\\s+")[2];
    } catch (IOException e) {
      uid = "-1";
    }
    if (!uid.equals("0")) {
      throw new ClusterException("--net netns needs root (network namespaces, veth pairs, "
          + "nftables); this process runs as uid " + uid);
    }
  }

  private static void requireTool(String tool, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return;
      }
    }
    throw new ClusterException("--net netns needs `" + tool + "` (Debian package "
        + debianPackage + "), not found on PATH");
  }

  private void setUp() {
    registry.record("netns", bridgeNs);
    registry.record("link", rootLink);
    shell("ip netns add " + bridgeNs,
        "ip -n " + bridgeNs + " link add " + BRIDGE + " type bridge",
        "ip -n " + bridgeNs + " link set " + BRIDGE + " up",
        "ip link add " + rootLink + " type veth peer name " + UPLINK + " netns " + bridgeNs,
        "ip -n " + bridgeNs + " link set " + UPLINK + " master " + BRIDGE,
        "ip -n " + bridgeNs + " link set " + UPLINK + " up",
        "ip addr add " + masterAddress() + "/16 dev " + rootLink,
        "ip link set " + rootLink + " up");
    nft(bridgeNs, "table bridge bayou {\n"
        + "  set cut { type ipv4_addr . ipv4_addr; }\n"
        + "  chain forward {\n    type filter hook forward priority 0\n"
        + "    ip saddr . ip daddr @cut drop\n  }\n}\n");
  }

  /** The master's address, where its control listener waits for the nodes. */
  public String masterAddress() {
    return ip(1);
  }

  /** The IPv4 address of host number {@code host} in the run's /16 (1 is the master). */
  String ip(int host) {
    return "10." + subnet + "." + (host >> 8) + "." + (host & 0xff);
  }

  /** The IPv4 address of a node's address-book entry (see bayou.node.Endpoints). */
  String ipOf(int address) {
    return ip(address >>> 16);
  }

  /** Node namespaces created so far and not yet removed. */
  int nodeCount() {
    return nodes.size();
  }

  String bridgeNamespace() {
    return bridgeNs;
  }

  /**
   * Creates the namespace of the node with this token and returns the command prefix that runs a
   * program in it, and the JVM properties that give the node its addresses.
   */
  List<String> launch(long token) {
    if (closed) {
      throw new ClusterException("the run's network is closed");
    }
    int host = hostOf(token);
    String ns = prefix + "-" + token;
    String port = "p" + token;
    registry.record("netns", ns);
    nodes.put(token, ns);
    shell("ip netns add " + ns,
        "ip link add eth0 netns " + ns + " type veth peer name " + port + " netns " + bridgeNs,
        "ip -n " + bridgeNs + " link set " + port + " master " + BRIDGE,
        "ip -n " + bridgeNs + " link set " + port + " up",
        "ip -n " + ns + " addr add " + ip(host) + "/16 dev eth0",
        "ip -n " + ns + " link set eth0 up",
        "ip -n " + ns + " link set lo up");
    return List.of("ip", "netns", "exec", ns);
  }

  /** The JVM properties of a node: its own address and the master's. */
  List<String> nodeProperties(long token) {
    return List.of("-Dbayou.net.self=" + ip(hostOf(token)),
        "-Dbayou.net.master=" + masterAddress());
  }

  private static int hostOf(long token) {
    if (token < 1 || token > 32_000) {
      throw new ClusterException("node token " + token + " is outside this run's address space");
    }
    return (int) token + 1;
  }

  /** Removes a node's namespace once its process has exited (its veth pair goes with it). */
  void release(long token) {
    String ns = nodes.remove(token);
    if (ns != null) { // else close() took it
      faults.forgetNamespace(ns);
      quietly("ip netns delete " + ns);
    }
  }

  /** The namespace of the node at this address-book entry, or null. */
  String namespaceOf(int address) {
    return nodes.get((long) (address >>> 16) - 1);
  }

  /** Drops (or, with {@code cut} false, lets through) every packet between two nodes. */
  void cut(int a, int b, boolean cut) {
    String key = Math.min(a, b) + " " + Math.max(a, b);
    if (cut ? !cuts.add(key) : !cuts.remove(key)) {
      return; // already so
    }
    String pair = ipOf(a) + " . " + ipOf(b) + ", " + ipOf(b) + " . " + ipOf(a);
    String verb = cut ? "add" : "delete";
    run(List.of("ip", "netns", "exec", bridgeNs, "nft", verb, "element", "bridge", "bayou", "cut",
        "{ " + pair + " }"), null);
  }

  /** What a slow link does in this run. */
  LinkFault slowFault() {
    return slowFault;
  }

  LinkFaults faults() {
    return faults;
  }

  /** Runs lines of shell, stopping at the first failure, which is thrown in one line. */
  void shell(String... lines) {
    run(List.of("sh", "-ec", String.join("\n", lines)), null);
  }

  /** Loads an nftables ruleset text into a namespace. */
  void nft(String ns, String ruleset) {
    run(List.of("ip", "netns", "exec", ns, "nft", "-f", "-"), ruleset);
  }

  private void quietly(String line) {
    try {
      shell(line);
    } catch (ClusterException e) {
      System.err.println("bayou: " + e.getMessage());
    }
  }

  static String run(List<String> command, String stdin) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new ClusterException("network set-up timed out: " + String.join(" ", command));
      }
      String text = new String(output, StandardCharsets.UTF_8).strip();
      if (process.exitValue() != 0) {
        String line = text.isEmpty() ? "exit " + process.exitValue() : text.lines().findFirst()
            .orElse("");
        throw new ClusterException("network command failed (" + String.join(" ", command)
            .replace('\n', ';') + "): " + line);
      }
      return text;
    } catch (IOException e) {
      throw new ClusterException("cannot run " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted while setting up the network");
    }
  }

  /** Removes every namespace and link of the run, then its record. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<String> lines = new ArrayList<>();
    for (Long token : List.copyOf(nodes.keySet())) {
      String ns = nodes.remove(token);
      if (ns != null) {
        lines.add("ip netns delete " + ns + " 2>/dev/null || true");
      }
    }
    lines.add("ip netns delete " + bridgeNs + " 2>/dev/null || true");
    lines.add("ip link delete " + rootLink + " 2>/dev/null || true"); // gone with its peer, else
    quietly(String.join("\n", lines));
    registry.clear();
  }
}

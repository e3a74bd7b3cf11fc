package bayou.cluster;

import bayou.wire.Msg;
import bayou.wire.Wire;
import bayou.node.RunSecret;
import bayou.wire.LineReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Node processes started ahead of need. A JVM takes a few hundred milliseconds to boot, so the
 * pool keeps at least {@code spares} blank nodes booted or booting; a join takes one and the pool
 * starts a replacement when it runs low. A caller that knows what is coming ({@link #prepare})
 * has more booted ahead. Every process is recorded for {@code bin/cleanup} and ends when the pool
 * closes (or, should this JVM die, when its control connection closes).
 */
public final class NodePool implements AutoCloseable {
  private static final String NODE_MAIN = "bayou.node.NodeMain";
  static final Duration EXIT_WAIT = Duration.ofSeconds(2);
  /** A node says hello at once after it connects; a connection silent this long is closed. */
  static final int HELLO_TIMEOUT_MS = 10_000;
  /** Connections saying hello at once; more wait in the listener's backlog. */
  static final int HELLOS_MAX = 64;

  /** A hello is a short line: a token, a pid, a port and the secret. */
  static final int HELLO_BYTES_MAX = 512;

  private final List<String> command;
  private final ServerSocket control;
  private final PidRegistry pids;
  private final BlockingQueue<NodeHandle> ready = new LinkedBlockingQueue<>();
  private final Map<Long, Process> booting = new ConcurrentHashMap<>();
  private final List<NodeHandle> all = new ArrayList<>();
  private final AtomicLong nextToken = new AtomicLong(1);
  /** The run's secret: every node gets it on standard input and presents it on connections. */
  private final String secret = RunSecret.generate();
  private final java.util.concurrent.Semaphore hellos =
      new java.util.concurrent.Semaphore(HELLOS_MAX);
  private final int spares;
  /** With {@code --net netns}: each node's own namespace; null on loopback. */
  private final NetNamespaces net;
  private volatile boolean closed;

  public NodePool(int spares, List<String> nodeJvmArgs) {
    this(spares, nodeJvmArgs, null);
  }

  /** @param net the run's namespaces (the pool closes them), or null for loopback */
  public NodePool(int spares, List<String> nodeJvmArgs, NetNamespaces net) {
    this.net = net;
    if (spares < 1) {
      throw new IllegalArgumentException("spares must be >= 1, got " + spares);
    }
    this.spares = spares;
    this.command = nodeCommand(nodeJvmArgs);
    try {
      this.control = new ServerSocket(0, 256, net == null ? InetAddress.getLoopbackAddress()
          : InetAddress.getByName(net.masterAddress()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the master's control port", e);
    }
    this.pids = PidRegistry.forThisProcess();
    Thread acceptor = new Thread(this::acceptLoop, "node-pool-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    for (int i = 0; i < spares; i++) {
      spawn();
    }
    bayou.node.WarmUp.run(); // the master's side of the codec, while the spares boot
  }

  /** JVM options for node processes: quick start-up and a small footprint. */
  public static List<String> defaultNodeJvmArgs() {
    return nodeJvmArgs(false);
  }

  /**
   * Each node's heap (a -Xmx value). Every server holds its whole log in memory, so an
   * hour-long run at a few hundred writes a second needs more than the default (bin/soak).
   */
  public static final String NODE_HEAP_PROPERTY = "bayou.node.heap";

  /**
   * JVM options for node processes. Short runs (course scripts) stop at the quick C1 compiler;
   * long runs (campaigns) let C2 compile the hot paths for throughput.
   */
  public static List<String> nodeJvmArgs(boolean longRunning) {
    List<String> args = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xss512k",
        "-Xmx" + System.getProperty(NODE_HEAP_PROPERTY, "256m"), "-XX:-UsePerfData",
        "-Xshare:auto"));
    if (!longRunning) {
      args.add("-XX:TieredStopAtLevel=1");
    }
    String archive = System.getProperty("bayou.node.cds"); // made for NodeClasspath.of()
    if (archive != null && new java.io.File(archive).isFile()) {
      args.add("-XX:SharedArchiveFile=" + archive);
      args.add("-Xlog:cds=off");
      args.add("-Xlog:cds+dynamic=off");
    }
    if (Boolean.getBoolean("bayou.debug")) {
      args.add("-Dbayou.debug=true");
    }
    String invariants = System.getProperty(bayou.node.NodeMain.INVARIANTS_PROPERTY);
    if (invariants != null) {
      args.add("-D" + bayou.node.NodeMain.INVARIANTS_PROPERTY + "=" + invariants);
    }
    return args;
  }

  private static List<String> nodeCommand(List<String> jvmArgs) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(NodeClasspath.of());
    cmd.add(NODE_MAIN);
    return cmd;
  }

  /** A booted, blank node; starts another in its place when fewer than the spares are left. */
  NodeHandle take(Duration timeout) {
    try {
      NodeHandle node = ready.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (node == null) {
        throw new ClusterException("no node process booted within " + timeout.toMillis()
            + " ms");
      }
      if (ready.size() + booting.size() < spares) {
        spawn();
      }
      return node;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted while waiting for a node process");
    }
  }

  /**
   * Makes sure at least {@code nodes} processes are booted or booting, so that a run that knows
   * how many it needs (a suite case) boots them side by side instead of one join at a time.
   */
  public void prepare(int nodes) {
    int missing = nodes - ready.size() - booting.size();
    for (int i = 0; i < missing; i++) {
      spawn();
    }
  }

  private void spawn() {
    if (closed) {
      return;
    }
    long token = nextToken.getAndIncrement();
    List<String> cmd = new ArrayList<>(command);
    if (net != null) {
      cmd.addAll(1, net.nodeProperties(token));
      cmd.addAll(0, net.launch(token)); // ip netns exec NAME java ...: the same pid
    }
    cmd.add(Integer.toString(control.getLocalPort()));
    cmd.add(Long.toString(token));
    try {
      Process process = new ProcessBuilder(cmd)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      booting.put(token, process);
      if (net != null) {
        process.onExit().thenRun(() -> net.release(token));
      }
      pids.record(process.pid(), token);
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write((secret + "\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new ClusterException("cannot start a node process: " + e.getMessage());
    }
  }

  /** The master's control port, where nodes say hello. */
  public int controlPort() {
    return control.getLocalPort();
  }

  /** The run's network namespaces, or null on loopback. */
  NetNamespaces network() {
    return net;
  }

  /** The run's secret, for tests and fuzzers that play a node of this run. */
  public String secret() {
    return secret;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = control.accept();
        hellos.acquire();
      } catch (IOException e) {
        continue; // closed, or one failed accept: the loop condition decides
      } catch (InterruptedException e) {
        return;
      }
      Thread greeter = new Thread(() -> {
        try {
          greet(socket);
        } finally {
          hellos.release();
        }
      }, "node-pool-hello");
      greeter.setDaemon(true);
      greeter.start();
    }
  }

  /**
   * Reads a connection's hello within {@link #HELLO_TIMEOUT_MS}: it must name a process this
   * pool started and present the run's secret; else the connection is closed.
   */
  private void greet(Socket socket) {
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(HELLO_TIMEOUT_MS);
      LineReader in = LineReader.forConnection(socket.getInputStream(), Wire.LINE_BYTES_MAX);
      String line = in.readLine(HELLO_BYTES_MAX);
      if (line == null) {
        throw new IOException("closed before its hello");
      }
      if (!(Wire.decode(line).msg() instanceof Msg.Hello hello)
          || !RunSecret.matches(secret, hello.secret())) {
        throw new IOException("not a hello with the run's secret");
      }
      Process process = booting.remove(hello.token());
      if (process == null) {
        throw new IOException("a hello with an unknown token " + hello.token());
      }
      socket.setSoTimeout(0); // a node may rightly stay silent for long
      NodeHandle node = new NodeHandle(socket, in, process, hello.port());
      synchronized (all) {
        all.add(node);
      }
      ready.add(node);
    } catch (IOException | RuntimeException e) {
      closeQuietly(socket);
      if (!closed) {
        System.err.println("bayou: refused a control connection: " + e.getMessage());
      }
    }
  }

  static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is all we wanted
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      control.close();
    } catch (IOException ignored) {
      // closing is all we wanted
    }
    List<NodeHandle> nodes;
    synchronized (all) {
      nodes = new ArrayList<>(all);
    }
    nodes.forEach(NodeHandle::stop);
    booting.values().forEach(Process::destroy);
    try {
      for (NodeHandle node : nodes) {
        node.awaitExit(EXIT_WAIT);
      }
      for (Process process : booting.values()) {
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pids.clear();
    if (net != null) {
      net.close();
    }
  }
}

package bayou.cluster;

import bayou.sim.NetworkOptions;
import bayou.sim.SimNode;
import bayou.sim.Simulation;
import bayou.wire.Msg;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A Bayou system in the simulator: the same cluster logic as {@link ProcessCluster} and the same
 * server and client roles, in one thread over a simulated network and clocks. Every wait runs
 * the scheduler until its condition holds or its bound passes in virtual time, so a run is a
 * function of its calls and the seed. Not thread-safe: one thread drives it.
 */
public final class SimCluster extends NodeCluster {
  private final Simulation sim;
  private long nextRequest = 1;

  public SimCluster(Simulation sim, String bugs) {
    super(bugs);
    this.sim = sim;
    if ("false".equals(System.getProperty(bayou.node.NodeMain.INVARIANTS_PROPERTY))) {
      sim.skipInvariants(); // as node processes do
    }
  }

  public SimCluster(long seed, NetworkOptions options, String bugs) {
    this(new Simulation(seed, options), bugs);
  }

  public Simulation simulation() {
    return sim;
  }

  @Override
  void retired(int id) {
    sim.forgetDisk(id); // in memory: a long run retires hundreds of servers
  }

  /** Virtual time in microseconds. */
  public long now() {
    return sim.scheduler().now();
  }

  /** Lets the system run for {@code micros} of virtual time. */
  public void advance(long micros) {
    sim.scheduler().advanceTo(now() + micros);
  }

  /** Runs until {@code done} holds or {@code micros} of virtual time passed; returns done. */
  public boolean runUntil(java.util.function.BooleanSupplier done, long micros) {
    return sim.scheduler().runUntil(done, now() + micros);
  }

  /**
   * Starts a client operation without waiting for it: the outcome completes the future while
   * the scheduler runs (the client's own timeout bounds it).
   */
  public CompletableFuture<Msg.OpOutcome> submit(int client, String f, String key,
      String value) {
    Node.Pending pending = clientNode(client).send("op", -1, f, key, value, null);
    return pending.future().thenApply(reply -> {
      if (!reply.ok()) {
        throw new ClusterException(f + " by client " + client + " failed: " + reply.error());
      }
      return reply.op();
    });
  }

  @Override
  Node takeNode() {
    return new SimNodeHandle();
  }

  @Override
  public boolean virtualTime() {
    return true;
  }

  @Override
  public double messageLoss() {
    return sim.options().loss();
  }

  @Override
  long nowNanos() {
    return now() * 1_000;
  }

  @Override
  boolean awaitStable(List<List<Integer>> groups, long deadlineNanos) {
    return sim.scheduler().runUntil(() -> stabilizer.stableNow(groups), deadlineNanos / 1_000);
  }

  /** The controller's end of a simulated node. */
  private final class SimNodeHandle implements Node {
    private final Map<Long, CompletableFuture<Msg.Reply>> calls = new HashMap<>();
    private final SimNode node = sim.newNode(this::onReply);
    private final LogChunks logChunks = new LogChunks();
    private Consumer<Msg.Digest> digestListener = digest -> {};
    private Consumer<String> violationListener = violation -> {};
    private int id = -1;

    @Override
    public int port() {
      return node.address();
    }

    @Override
    public void assigned(int newId, Consumer<Msg.Digest> listener,
        Consumer<String> violations) {
      id = newId;
      digestListener = listener;
      violationListener = violations;
    }

    @Override
    public Pending send(String cmd, int a, String f, String key, String value,
        Map<Integer, Integer> ports) {
      long req = nextRequest++;
      CompletableFuture<Msg.Reply> future = new CompletableFuture<>();
      calls.put(req, future);
      node.fromController(new Msg.Control(req, cmd, a, f, key, value, ports));
      return new Pending(req, future);
    }

    @Override
    public Msg.Reply await(Pending pending, String cmd, Duration timeout) {
      try {
        if (!sim.scheduler().runUntil(pending.future()::isDone,
            now() + timeout.toNanos() / 1_000)) {
          throw new ClusterException(cmd + " on node " + id + ": no answer within "
              + timeout.toMillis() + " ms of virtual time");
        }
        return Node.checked(pending.future().join(), cmd, id);
      } finally {
        calls.remove(pending.req());
      }
    }

    private void onReply(Msg msg) {
      Msg.Reply reply = msg instanceof Msg.Reply chunk ? logChunks.offer(chunk) : null;
      if (reply != null) {
        if (reply.digest() != null) {
          digestListener.accept(reply.digest());
        }
        // removed when answered: an operation submitted without an await (the simulated
        // campaign's clients) would otherwise keep every reply of a long run
        CompletableFuture<Msg.Reply> future = reply.req() == 0 ? null : calls.remove(reply.req());
        if (future != null) {
          future.complete(reply);
        } else if (reply.req() == 0 && !reply.ok() && reply.error() != null) {
          violationListener.accept(reply.error());
        }
      }
    }

    @Override
    public void stop() {
      node.stop();
    }

    @Override
    public void kill() {
      node.stop(); // its disk stays in the simulation
    }

    @Override
    public void freeze() {
      node.freeze();
    }

    @Override
    public void thaw() {
      node.thaw();
    }
  }
}

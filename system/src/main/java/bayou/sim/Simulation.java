package bayou.sim;

import bayou.wire.Msg;
import bayou.wire.Wire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One simulated world: the scheduler, the network between simulated nodes and their clocks.
 * Every random choice comes from the seed, split per purpose (network, clocks), so changing a
 * fault rate does not reshuffle the clocks.
 */
public final class Simulation {
  /** The controller's link to a node: loopback TCP in the real system, never lossy. */
  static final long CONTROL_LATENCY_MICROS = 30;
  /** The CPU a node spends on a batch: messages arriving meanwhile join the batch. */
  static final long PROCESSING_MICROS = 20;

  /** One message on the wire, for the Lamport diagram; {@code delivered} -1 when lost. */
  public record Traced(long sent, long delivered, int from, int to, String type) {}

  private final Scheduler scheduler = new Scheduler();
  private final NetworkOptions options;
  /** With the wire option, a longer message is dropped, as a node's reader refuses its line. */
  private final int lineBytesMax;
  private final SplittableRandom network;
  private final SplittableRandom clocks;
  private final List<SimNode> nodes = new ArrayList<>();
  private final Map<Long, Long> lastDelivery = new HashMap<>(); // link -> virtual time
  private Consumer<Traced> trace = traced -> {};
  private boolean checkInvariants = true;
  /** Each server's stable storage, by server id: it outlives the server's node. */
  private final Map<Integer, List<bayou.protocol.Durable.Rec>> disks = new HashMap<>();

  public Simulation(long seed, NetworkOptions options) {
    this(seed, options, Wire.LINE_BYTES_MAX);
  }

  /** A world whose wire carries lines of at most {@code lineBytesMax} (tests make it short). */
  public Simulation(long seed, NetworkOptions options, int lineBytesMax) {
    this.options = options;
    this.lineBytesMax = lineBytesMax;
    SplittableRandom root = new SplittableRandom(seed);
    this.network = root.split();
    this.clocks = root.split();
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public NetworkOptions options() {
    return options;
  }

  public void trace(Consumer<Traced> sink) {
    this.trace = sink;
  }

  /** A new blank node with a clock of its own; its messages to the controller go to {@code up}. */
  public SimNode newNode(Consumer<Msg> up) {
    long skew = options.maxSkewMicros();
    long offset = skew == 0 ? 0 : clocks.nextLong(-skew, skew + 1);
    double drift = options.maxDriftPpm() == 0 ? 0
        : clocks.nextDouble(-options.maxDriftPpm(), options.maxDriftPpm());
    SimNode node = new SimNode(this, nodes.size(), new SimClock(offset, drift), up);
    nodes.add(node);
    return node;
  }

  /** The records on server {@code id}'s simulated disk (written at once: no torn tails). */
  List<bayou.protocol.Durable.Rec> disk(int id) {
    return disks.computeIfAbsent(id, any -> new ArrayList<>());
  }

  /** A retired server's disk: it never restarts. */
  public void forgetDisk(int id) {
    disks.remove(id);
  }

  /** Nodes skip the invariant checks after every batch (to measure what they cost). */
  public void skipInvariants() {
    checkInvariants = false;
  }

  boolean checksInvariants() {
    return checkInvariants;
  }

  /** How much of a log a node's message carries (see {@link Wire#chunkBytes}). */
  long chunkBytes() {
    return Wire.chunkBytes(lineBytesMax);
  }

  /**
   * What the codec would turn {@code msg} into, when the wire option asks for it; null when its
   * line is longer than the wire carries.
   */
  Msg overWire(int from, Msg msg) {
    if (!options.wire()) {
      return msg;
    }
    String line = Wire.encode(from, msg);
    if (line.length() > lineBytesMax / 3
        && line.getBytes(StandardCharsets.UTF_8).length > lineBytesMax) {
      return null;
    }
    return Wire.decode(line).msg();
  }

  /**
   * Delivers a message from outside the protocol (a fuzzer's or a test's forgery) to the node
   * at {@code toAddress} as if node {@code from} had sent it, after the minimum latency.
   */
  public void inject(int toAddress, int from, Msg msg) {
    if (reachable(toAddress)) {
      SimNode to = nodes.get(toAddress);
      scheduler.after(Math.max(1, options.minLatencyMicros()),
          () -> to.deliverFromPeer(from, msg));
    }
  }

  /** The node at {@code address} dies, as a process that crashed: it is silent from now on. */
  public void crash(int address) {
    if (reachable(address)) {
      nodes.get(address).stop();
    }
  }

  /** Whether a node at this address is alive (a send to a dead one fails, as connect does). */
  boolean reachable(int address) {
    return address >= 0 && address < nodes.size() && nodes.get(address).alive();
  }

  /** Carries a peer message: latency, loss, duplication and reordering from the seed. */
  void transmit(SimNode from, int toAddress, Msg msg) {
    SimNode to = nodes.get(toAddress);
    Msg carried = overWire(from.id(), msg);
    String type = msg.getClass().getSimpleName();
    if (carried == null) {
      trace.accept(new Traced(scheduler.now(), -1, from.id(), to.id(), type));
      return;
    }
    if (options.loss() > 0 && network.nextDouble() < options.loss()) {
      trace.accept(new Traced(scheduler.now(), -1, from.id(), to.id(), type));
      return;
    }
    int copies = options.duplication() > 0 && network.nextDouble() < options.duplication() ? 2 : 1;
    for (int copy = 0; copy < copies; copy++) {
      long at = scheduler.now() + latency();
      long link = from.address() * 1_000_003L + toAddress; // Long.hashCode of a<<32|b is a^b
      boolean overtakes = options.reordering() > 0 && network.nextDouble() < options.reordering();
      if (!overtakes) {
        at = Math.max(at, lastDelivery.getOrDefault(link, 0L)); // TCP keeps a link in order
        lastDelivery.put(link, at);
      }
      trace.accept(new Traced(scheduler.now(), at, from.id(), to.id(), type));
      int sender = from.id();
      scheduler.at(at, () -> to.deliverFromPeer(sender, carried));
    }
  }

  private long latency() {
    long min = options.minLatencyMicros();
    long tail = options.meanLatencyMicros() - min;
    if (tail == 0) {
      return min;
    }
    double exponential = -Math.log(1 - network.nextDouble()) * tail;
    return min + (long) Math.min(exponential, 20.0 * tail); // no message waits forever
  }
}

package bayou.sim;

import bayou.protocol.Drops;
import bayou.protocol.ClockSkew;
import bayou.protocol.Effects;
import bayou.protocol.Inbound;
import bayou.protocol.InvariantGuard;
import bayou.protocol.Role;
import bayou.wire.Msg;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A simulated node process: the same {@link Role} a node process runs, driven by the scheduler.
 * Inputs that arrive while it is busy wait and form one batch, as in the real inbox; its timer
 * is an event at the virtual time when its own clock reaches the role's wake time.
 */
public final class SimNode implements Effects {
  private final Simulation sim;
  private final int address;
  private final SimClock clock;
  private final Consumer<Msg> up;
  private final Map<Integer, Integer> book = new HashMap<>(); // id -> address
  private final ArrayDeque<Inbound> inbox = new ArrayDeque<>();
  private final Drops drops = new Drops(this::say, false);
  private Role role;
  private InvariantGuard invariants;
  private int id = -1;
  private boolean alive = true;
  /** Stopped (SIGSTOP): inputs wait in the inbox, timers wait, nothing runs until thawed. */
  private boolean frozen;
  private boolean batchScheduled;
  private long timerAt = Long.MAX_VALUE;
  private long timerGeneration;

  SimNode(Simulation sim, int address, SimClock clock, Consumer<Msg> up) {
    this.sim = sim;
    this.address = address;
    this.clock = clock;
    this.up = up;
  }

  /** The node's address: what a real node would give as its port. */
  public int address() {
    return address;
  }

  public int id() {
    return id;
  }

  public SimClock clock() {
    return clock;
  }

  boolean alive() {
    return alive;
  }

  private void say(String line) {
    System.err.println("bayou sim node " + id + ": " + line);
  }

  /** A command from the controller, delivered after the control link's latency. */
  public void fromController(Msg.Control control) {
    Msg carried = sim.overWire(-1, control);
    if (carried != null) {
      sim.scheduler().after(Simulation.CONTROL_LATENCY_MICROS,
          () -> arrive(new Inbound.FromMaster((Msg.Control) carried)));
    }
  }

  void deliverFromPeer(int from, Msg msg) {
    arrive(new Inbound.FromPeer(from, msg));
  }

  private void arrive(Inbound item) {
    if (!alive) {
      return;
    }
    inbox.add(item);
    if (!batchScheduled && !frozen) {
      batchScheduled = true;
      sim.scheduler().after(Simulation.PROCESSING_MICROS, this::runBatch);
    }
  }

  private void runBatch() {
    batchScheduled = false;
    if (frozen) {
      return;
    }
    long now = clock.local(sim.scheduler().now());
    while (alive && !inbox.isEmpty()) {
      handleOne(now, inbox.poll());
    }
    afterBatch(now);
  }

  /** Each input in isolation, as in a node process: one that throws is dropped, counted, reported. */
  private void handleOne(long now, Inbound item) {
    try {
      if (ClockSkew.handled(item, (offset, drift) -> clock.skew(offset, drift,
          sim.scheduler().now()), this::reply)) {
        return;
      }
      if (role == null) {
        awaitAssignment(item);
      } else {
        role.handle(now, item);
      }
    } catch (RuntimeException e) {
      drops.drop("messages whose handling failed", InvariantGuard.describe(item) + ": " + e);
      if (invariants != null) {
        invariants.threw(InvariantGuard.describe(item), e);
      }
    }
  }

  /** As a blank node process: everything but the assignment is ignored. */
  private void awaitAssignment(Inbound item) {
    if (item instanceof Inbound.FromMaster fromMaster
        && fromMaster.control().cmd().equals("assign")) {
      Msg.Control control = fromMaster.control();
      id = control.a();
      role = Role.assigned(control, this, sim.chunkBytes());
      invariants = new InvariantGuard(role, this::reply, sim.checksInvariants());
      reply(Msg.Reply.ok(control.req()));
    }
  }

  private void afterBatch(long now) {
    if (!alive || role == null) {
      return;
    }
    try {
      role.afterBatch(now);
    } catch (RuntimeException e) {
      drops.drop("batch endings that failed", "the end of a batch: " + e);
      invariants.threw("the end of a batch", e);
    }
    invariants.check();
    armTimer();
  }

  private void armTimer() {
    long wake = alive ? role.wakeAt() : Long.MAX_VALUE;
    if (wake == Long.MAX_VALUE) {
      timerAt = Long.MAX_VALUE;
      timerGeneration++;
      return;
    }
    long at = Math.max(clock.virtualAt(wake), sim.scheduler().now() + 1);
    if (at == timerAt) {
      return;
    }
    timerAt = at;
    long generation = ++timerGeneration;
    sim.scheduler().at(at, () -> {
      if (generation == timerGeneration && !frozen) {
        timerAt = Long.MAX_VALUE;
        afterBatch(clock.local(sim.scheduler().now()));
      }
    });
  }

  /** Stops this node where it is, as SIGSTOP does: messages to it wait, unread. */
  public void freeze() {
    frozen = true;
  }

  /** Lets a frozen node go on: it reads what waited and runs its timer. */
  public void thaw() {
    if (!frozen) {
      return;
    }
    frozen = false;
    if (alive && !batchScheduled) {
      batchScheduled = true;
      sim.scheduler().after(Simulation.PROCESSING_MICROS, this::runBatch);
    }
  }

  // ---- Effects

  @Override
  public boolean send(int peer, Msg msg) {
    Integer to = book.get(peer);
    if (!alive || to == null || !sim.reachable(to)) {
      return false;
    }
    sim.transmit(this, to, msg);
    return true;
  }

  @Override
  public void sendAll(List<Integer> peers, Msg msg) {
    for (int peer : peers) {
      send(peer, msg);
    }
  }

  @Override
  public void reply(Msg msg) {
    if (!alive) {
      return;
    }
    Msg carried = sim.overWire(id, msg);
    if (carried != null) {
      sim.scheduler().after(Simulation.CONTROL_LATENCY_MICROS, () -> up.accept(carried));
    }
  }

  @Override
  public void learn(Map<Integer, Integer> addresses) {
    book.putAll(addresses);
  }

  @Override
  public void forget(int peer) {
    book.remove(peer);
  }

  /** The simulated disk survives the node: a server restarted under the same id reads it. */
  @Override
  public void persist(List<bayou.protocol.Durable.Rec> records) {
    if (alive) {
      sim.disk(id).addAll(records);
    }
  }

  @Override
  public void recover(java.util.function.Consumer<bayou.protocol.Durable.Rec> each) {
    sim.disk(id).forEach(each);
  }

  @Override
  public void stop() {
    alive = false;
    inbox.clear();
    timerGeneration++;
    role = null; // a stopped node's replica (a whole log) is garbage: long runs stop hundreds
    invariants = null;
  }
}

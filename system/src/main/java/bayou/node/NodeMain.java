package bayou.node;

import bayou.protocol.ClockSkew;
import bayou.protocol.Inbound;
import bayou.protocol.InvariantGuard;
import bayou.protocol.Role;
import bayou.wire.Msg;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server or client process. It starts blank, says hello to the master, and becomes a server or
 * a client when the master assigns it an id; the master keeps blank nodes booted so that joining
 * does not wait for a JVM to start. One thread runs the node's logic; others only read sockets.
 */
public final class NodeMain {
  /** Messages waiting for the event loop; a reader waits (then drops) when it is full. */
  static final int INBOX_MAX = 50_000;
  /**
   * Set to false to skip the invariant checks after every batch (they are on by default), in
   * node processes and in the simulator alike.
   */
  public static final String INVARIANTS_PROPERTY = "bayou.invariants";
  /** A wait without a timer still ends now and then; nothing depends on it. */
  static final long MAX_WAIT_MICROS = 60_000_000;

  private NodeMain() {}

  /**
   * Arguments: the master's control port and this node's token; the run's secret comes on
   * standard input ({@link RunSecret}).
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: NodeMain MASTER_PORT TOKEN");
      System.exit(2);
    }
    // No warm-up here: most nodes live for one short course case, and exercising every codec
    // path ahead cost about 35 ms of CPU each, 15 % of the course suite's CPU. The AppCDS
    // archive (NodeTraining) already makes the first use of each class cheap.
    BlockingQueue<Inbound> inbox = new LinkedBlockingQueue<>(INBOX_MAX);
    String secret;
    ControlLink master;
    Endpoints endpoints = Endpoints.fromProperties();
    try {
      secret = RunSecret.readFrom(System.in);
      master = new ControlLink(endpoints, Integer.parseInt(args[0]));
    } catch (java.io.IOException e) {
      Log.debug("master unreachable: %s", e.getMessage());
      Runtime.getRuntime().halt(0); // the master is gone already: nothing to serve
      return;
    }
    Transport transport = new Transport(inbox, secret, endpoints);
    master.startReading(inbox);
    master.send(new Msg.Hello(Long.parseLong(args[1]), ProcessHandle.current().pid(),
        transport.address(), secret));
    Role role = awaitAssignment(inbox, transport, master);
    run(role, inbox, master, new InvariantGuard(role, master::send,
        !"false".equals(System.getProperty(INVARIANTS_PROPERTY))));
  }

  private static Role awaitAssignment(BlockingQueue<Inbound> inbox, Transport transport,
      ControlLink master) throws InterruptedException {
    while (true) {
      Inbound item = inbox.take();
      if (item instanceof Inbound.FromMaster fromMaster
          && fromMaster.control().cmd().equals("assign")) {
        Msg.Control control = fromMaster.control();
        transport.setSelf(control.a());
        Role role;
        try {
          role = Role.assigned(control, new NodeEffects(transport, master, disk(control)));
        } catch (RuntimeException e) {
          master.send(Msg.Reply.failed(control.req(), "bad assignment: " + e.getMessage()));
          continue;
        }
        master.send(Msg.Reply.ok(control.req()));
        return role;
      }
    }
  }

  /**
   * A server's stable storage, which its assignment names in {@code f} as
   * {@code "<fsync policy> <file>"}; none when it names none.
   */
  private static DiskLog disk(Msg.Control assign) {
    String storage = assign.f();
    if (storage == null || !"server".equals(assign.key())) {
      return null;
    }
    int space = storage.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException("storage must be '<fsync> <file>', got " + storage);
    }
    return new DiskLog(java.nio.file.Path.of(storage.substring(space + 1)),
        DiskLog.Fsync.parse(storage.substring(0, space)));
  }

  /**
   * The driver loop: inputs in arrival order, each with the local time, then one
   * {@code afterBatch} for the whole batch, and the role's timer as the longest wait.
   */
  private static void run(Role role, BlockingQueue<Inbound> inbox, ControlLink master,
      InvariantGuard invariants) throws InterruptedException {
    LocalClock clock = new LocalClock();
    while (true) {
      long wait = role.wakeAt() - clock.now();
      Inbound item = wait <= 0 ? inbox.poll()
          : inbox.poll(Math.min(wait, MAX_WAIT_MICROS), TimeUnit.MICROSECONDS);
      while (item != null) {
        if (!ClockSkew.handled(item, clock::skew, master::send)) {
          handleOne(role, clock.now(), item, invariants);
        }
        item = inbox.poll();
      }
      try {
        role.afterBatch(clock.now());
      } catch (RuntimeException e) {
        Log.DROPS.drop("batch endings that failed", "the end of a batch: "
            + Transport.clip(String.valueOf(e)));
        invariants.threw("the end of a batch", e);
      }
      invariants.check();
    }
  }

  /** Each message in isolation: one that makes the role throw is dropped, counted and reported. */
  private static void handleOne(Role role, long now, Inbound item, InvariantGuard invariants) {
    try {
      role.handle(now, item);
    } catch (RuntimeException e) {
      Log.DROPS.drop("messages whose handling failed", InvariantGuard.describe(item) + ": "
          + Transport.clip(String.valueOf(e)));
      invariants.threw(InvariantGuard.describe(item), e);
    }
  }

  /**
   * Wall-clock microseconds at start, advanced by the monotonic clock (timers must not jump
   * with the wall clock), plus the skew the master set ({@code skewClock}): an offset, and a
   * drift in parts per million from when it was set. A skewed clock may jump back; the hybrid
   * clock keeps stamps moving forward.
   *
   * <p>The start is read between two monotonic readings, the closest pair of a few: a thread
   * descheduled between a lone pair of readings left one node's clock tens of milliseconds
   * behind the others' on a loaded machine (a course case whose order depends on the stamps of
   * two servers failed so).
   */
  private static final class LocalClock {
    private static final int CALIBRATIONS = 16;
    private final long startMicros;
    private final long startNanos;
    private long offsetMicros;
    private double driftPpm;
    private long driftFromMicros;

    LocalClock() {
      long bestWidth = Long.MAX_VALUE;
      long micros = 0;
      long nanos = 0;
      for (int i = 0; i < CALIBRATIONS; i++) {
        long before = System.nanoTime();
        Instant wall = Instant.now();
        long after = System.nanoTime();
        if (after - before < bestWidth) {
          bestWidth = after - before;
          micros = ChronoUnit.MICROS.between(Instant.EPOCH, wall);
          nanos = before + (after - before) / 2;
        }
      }
      startMicros = micros;
      startNanos = nanos;
    }

    long now() {
      long system = startMicros + (System.nanoTime() - startNanos) / 1_000;
      return system + offsetMicros + Math.round((system - driftFromMicros) * driftPpm / 1e6);
    }

    void skew(long offset, double drift) {
      offsetMicros = 0;
      driftPpm = 0;
      driftFromMicros = now();
      offsetMicros = offset;
      driftPpm = drift;
    }
  }
}

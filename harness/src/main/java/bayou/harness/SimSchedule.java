package bayou.harness;

import bayou.cluster.ClusterException;
import bayou.cluster.RecordingCluster;
import bayou.cluster.SimCluster;
import bayou.gen.ScheduleGenerator;
import bayou.gen.Step;
import bayou.history.OpEvent;
import bayou.wire.Msg;
import java.io.PrintStream;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The schedule of a simulated campaign: the same generator as against real processes, with client
 * operations in flight concurrently in virtual time. Operations arrive with exponential gaps (the
 * clients' think time, drawn from the seed); a client with an operation in flight, or a full set
 * of {@code concurrency} operations, holds the next one back; faults wait for every operation in
 * flight, as in the real runner and in the replayed script.
 */
final class SimSchedule {
  /** Mean virtual time between two submitted operations: about the real system's rate. */
  static final long MEAN_GAP_MICROS = 500;
  /** How often every server's log is snapshotted, in virtual time. */
  static final long SNAPSHOT_EVERY_MICROS = 1_000_000;
  /** An operation is answered within the client's own timeout; this bounds a wait for one. */
  static final long OP_WAIT_MICROS = 30_000_000;

  private final SimCluster sim;
  private final RecordingCluster recording;
  private final PrintStream err;
  private final SplittableRandom think;
  private final TreeMap<Integer, OpEvent> inFlight = new TreeMap<>();

  SimSchedule(SimCluster sim, RecordingCluster recording, long seed, PrintStream err) {
    this.sim = sim;
    this.recording = recording;
    this.err = err;
    this.think = new SplittableRandom(seed ^ 0x7468696E6BL); // "think": its own stream
  }

  void run(ScheduleGenerator generator, List<Step> executed, AtomicLong ops, long timeMicros,
      long opsLimit, int concurrency) {
    long deadline = sim.now() + timeMicros;
    long nextSnapshot = sim.now() + SNAPSHOT_EVERY_MICROS;
    long submitted = 0;
    while (sim.now() < deadline && (opsLimit == 0 || submitted < opsLimit)) {
      if (sim.now() >= nextSnapshot) {
        recording.snapshotAll(RecordingCluster.PERIODIC);
        nextSnapshot = sim.now() + SNAPSHOT_EVERY_MICROS;
      }
      Step step = generator.next();
      executed.add(step);
      StepRunner.ClientOp op = StepRunner.clientOp(step);
      if (op != null) {
        await(() -> !inFlight.containsKey(op.client()) && inFlight.size() < concurrency);
        submit(op, step, ops);
        submitted++;
        sim.advance(gap());
      } else {
        drain();
        try {
          StepRunner.run(recording, step);
        } catch (ClusterException e) {
          CampaignRunner.stepFailed(recording, step, e, err);
          generator.failed(step);
        }
      }
    }
    drain();
  }

  void drain() {
    await(inFlight::isEmpty);
  }

  private void await(java.util.function.BooleanSupplier condition) {
    if (!sim.runUntil(condition, OP_WAIT_MICROS)) {
      throw new IllegalStateException("client operations still running after "
          + OP_WAIT_MICROS / 1_000 + " ms of virtual time: " + inFlight.keySet());
    }
  }

  private void submit(StepRunner.ClientOp op, Step step, AtomicLong ops) {
    OpEvent invoke;
    try {
      invoke = recording.invoke(op.client(), op.f(), op.key(), op.value());
    } catch (ClusterException e) {
      CampaignRunner.stepFailed(recording, step, e, err);
      return;
    }
    inFlight.put(op.client(), invoke);
    sim.submit(op.client(), op.f(), op.key(), op.value()).whenComplete((outcome, error) -> {
      recording.complete(invoke, outcome != null ? outcome : harnessFault(error));
      inFlight.remove(op.client());
      ops.incrementAndGet();
    });
  }

  /** An operation the harness could not carry out: its outcome is unknown, never a failure. */
  private static Msg.OpOutcome harnessFault(Throwable error) {
    Throwable cause = error.getCause() != null ? error.getCause() : error;
    return new Msg.OpOutcome("info", null, "harness: " + cause.getMessage(), -1, null, null,
        null, null, null, null);
  }

  private long gap() {
    return (long) (-Math.log(1 - think.nextDouble()) * MEAN_GAP_MICROS);
  }
}

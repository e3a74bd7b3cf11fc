package bayou.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.history.HistorySink;
import bayou.history.NemesisEvent;
import bayou.history.OpEvent;
import bayou.history.OpType;
import bayou.history.SnapshotEvent;
import bayou.wire.Msg;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The cluster and the recorder are called from several threads at once in campaigns (client
 * operations beside the runner's faults and snapshots). Stress on nodes that answer at once,
 * so that the calls interleave as densely as they can.
 */
class ConcurrencyStressTest {
  /** Snapshots taken while servers join and retire see only whole, live servers. */
  @Test
  void logsWhileServersJoinAndRetire() throws Exception {
    try (InstantCluster cluster = new InstantCluster()) {
      cluster.joinServer(0);
      AtomicBoolean done = new AtomicBoolean();
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      AtomicInteger snapshots = new AtomicInteger();
      Thread reader = new Thread(() -> {
        while (!done.get()) {
          try {
            cluster.logs().forEach((id, log) -> assertEquals("S" + id, log.name()));
            snapshots.incrementAndGet();
          } catch (RuntimeException | AssertionError e) {
            failures.add(e);
          }
        }
      });
      reader.start();
      try {
        for (int id = 1; id <= 20_000 && failures.isEmpty(); id++) {
          cluster.joinServer(id);
          cluster.retireServer(id);
        }
      } finally {
        done.set(true);
        reader.join(10_000);
      }
      assertEquals(List.of(), failures.stream().map(String::valueOf).limit(3).toList());
      assertTrue(snapshots.get() > 0);
    }
  }

  /**
   * A write that completes while a stabilize runs may have missed it: the final heal must
   * stabilize again. The stabilize here waits until the write has completed, so the order is
   * certain.
   */
  @Test
  void aWriteDuringAStabilizeKeepsTheRunUnsettled() throws Exception {
    CountDownLatch written = new CountDownLatch(1);
    Sink sink = new Sink(event -> {
      if (event.type() == OpType.OK) {
        written.countDown();
      }
    });
    try (InstantCluster cluster = new InstantCluster()) {
      RecordingCluster recording = new RecordingCluster(cluster, sink);
      recording.joinServer(0);
      recording.joinClient(1, 0);
      cluster.duringStabilize = () -> await(written);
      Thread writer = new Thread(() -> recording.put(1, "k", "v"));
      cluster.stabilizing.thenRun(writer::start);
      recording.stabilize();
      writer.join(10_000);
      cluster.duringStabilize = () -> {};
      int before = cluster.stabilizes.get();
      recording.finish(true);
      assertEquals(before + 1, cluster.stabilizes.get(), "the final heal stabilizes again");
    }
  }

  /** Reads completing beside a write never make the recorder forget the write. */
  @Test
  void readsBesideAWriteNeverHideIt() throws Exception {
    try (InstantCluster cluster = new InstantCluster()) {
      RecordingCluster recording = new RecordingCluster(cluster, new Sink(event -> {}));
      recording.joinServer(0);
      recording.joinClient(1, 0);
      recording.joinClient(2, 0);
      recording.joinClient(3, 0);
      int forgotten = 0;
      for (int round = 0; round < 3_000; round++) {
        recording.stabilize();
        AtomicBoolean putDone = new AtomicBoolean();
        Runnable reads = () -> {
          for (int i = 0; i < 50 || !putDone.get(); i++) {
            recording.get(i % 2 == 0 ? 2 : 3, "k");
          }
        };
        Thread reader = new Thread(reads);
        reader.start();
        recording.put(1, "k", "v" + round);
        putDone.set(true);
        reader.join(10_000);
        int before = cluster.stabilizes.get();
        recording.finish(true);
        forgotten += cluster.stabilizes.get() == before ? 1 : 0;
      }
      assertEquals(0, forgotten, "rounds whose write the recorder forgot");
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS), "the write completed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A sink that keeps nothing (thousands of rounds) but shows each operation to a listener. */
  private static final class Sink implements HistorySink {
    private final AtomicLong index = new AtomicLong();
    private final Consumer<OpEvent> listener;

    Sink(Consumer<OpEvent> listener) {
      this.listener = listener;
    }

    @Override
    public OpEvent record(OpEvent event) {
      long at = index.getAndIncrement();
      OpEvent placed = event.at(at, at);
      listener.accept(placed);
      return placed;
    }

    @Override
    public NemesisEvent record(NemesisEvent event) {
      long at = index.getAndIncrement();
      return event.at(at, at);
    }

    @Override
    public SnapshotEvent record(SnapshotEvent event) {
      long at = index.getAndIncrement();
      return event.at(at, at);
    }

    @Override
    public void close() {}
  }

  /** A cluster of nodes that answer every command at once, in the calling thread. */
  private static final class InstantCluster extends NodeCluster {
    final AtomicInteger stabilizes = new AtomicInteger();
    final CompletableFuture<Void> stabilizing = new CompletableFuture<>();
    volatile Runnable duringStabilize = () -> {};

    InstantCluster() {
      super("");
    }

    @Override
    Node takeNode() {
      return new InstantNode();
    }

    @Override
    long nowNanos() {
      return System.nanoTime();
    }

    @Override
    boolean awaitStable(List<List<Integer>> groups, long deadlineNanos) {
      return true;
    }

    @Override
    public void stabilize() {
      stabilizes.incrementAndGet();
      stabilizing.complete(null);
      duringStabilize.run();
    }
  }

  private static final class InstantNode implements Node {
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int id = -1;

    @Override
    public int port() {
      return 1;
    }

    @Override
    public void assigned(int newId, Consumer<Msg.Digest> listener,
        Consumer<String> violations) {
      id = newId;
    }

    @Override
    public Pending send(String cmd, int a, String f, String key, String value,
        Map<Integer, Integer> ports) {
      long req = requests.incrementAndGet();
      Msg.Reply reply = switch (cmd) {
        case "assign" -> {
          id = a;
          yield Msg.Reply.ok(req);
        }
        case "root", "join", "retire" -> new Msg.Reply(req, true, null, "S" + id, null, null,
            null);
        case "log" -> new Msg.Reply(req, true, null, null, null,
            new Msg.LogDump("S" + id, false, List.of(), List.of(), Map.of()), null);
        case "op" -> new Msg.Reply(req, true, null, null, null, null, new Msg.OpOutcome("ok",
            null, null, 0, "S0", Map.of(), null, null, Map.of(), Map.of()));
        default -> Msg.Reply.ok(req);
      };
      return new Pending(req, CompletableFuture.completedFuture(reply));
    }

    @Override
    public Msg.Reply await(Pending pending, String cmd, Duration timeout) {
      return Node.checked(pending.future().join(), cmd, id);
    }

    @Override
    public void stop() {}

    @Override
    public void kill() {}

    @Override
    public void freeze() {}

    @Override
    public void thaw() {}
  }
}

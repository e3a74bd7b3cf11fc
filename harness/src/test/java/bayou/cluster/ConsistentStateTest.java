package bayou.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.history.NemesisEvent;
import bayou.history.OpEvent;
import bayou.history.OpType;
import bayou.master.Master;
import bayou.replica.Write;
import bayou.sim.NetworkOptions;
import bayou.sim.Simulation;
import bayou.wire.Msg;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The master and the recorder keep a consistent state when steps fail, in the simulator (every
 * wait is in virtual time, so a 5 s timeout costs nothing here).
 */
class ConsistentStateTest {
  @Test
  void aFailedJoinLeavesNothingRegistered() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (SimCluster cluster = new SimCluster(1, NetworkOptions.reliable(), "")) {
      Master master = new Master(cluster, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      master.run(new BufferedReader(new StringReader("joinServer 0\n")));
      cluster.simulation().crash(cluster.portOf(0)); // server 1's creator is gone
      int problems = master.run(new BufferedReader(
          new StringReader("joinServer 1\nprintLog 1\nretireServer 1\n")));
      assertEquals(3, problems);
      assertEquals(List.of(0), cluster.servers());
      assertEquals(-1, cluster.portOf(1));
    }
    String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(3, lines.length, String.join("\n", lines));
    assertTrue(lines[1].contains("no live server 1"), lines[1]); // was a NullPointerException
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anIdIsFreeAgainAfterItsJoinFailed() {
    try (SimCluster cluster = new SimCluster(1, NetworkOptions.reliable(), "")) {
      cluster.joinServer(0);
      cluster.simulation().crash(cluster.portOf(0));
      assertThrows(ClusterException.class, () -> cluster.joinServer(1));
      ClusterException again = assertThrows(ClusterException.class, () -> cluster.joinServer(1));
      assertFalse(again.getMessage().contains("in use"), again.getMessage());
    }
  }

  /** A cluster call that throws leaves its operation completed as info: the history is whole. */
  @Test
  void anOperationWhoseCallThrewIsCompletedAsInfo() {
    ListSink sink = new ListSink();
    try (SimCluster cluster = new SimCluster(1, NetworkOptions.reliable(), "")) {
      RecordingCluster recording = new RecordingCluster(new FailingOps(cluster), sink);
      recording.joinServer(0);
      recording.joinClient(1, 0);
      assertThrows(ClusterException.class, () -> recording.put(1, "k", "v"));
      List<OpEvent> ops = sink.events.stream().filter(e -> e instanceof OpEvent)
          .map(e -> (OpEvent) e).toList();
      assertEquals(2, ops.size());
      assertEquals(OpType.INVOKE, ops.get(0).type());
      assertEquals(OpType.INFO, ops.get(1).type());
      assertTrue(ops.get(1).error().startsWith("unknown: "), ops.get(1).error());
    }
  }

  /** A failed restore in the final heal is recorded and the heal goes on. */
  @Test
  void aFailedHealStepIsRecorded() {
    ListSink sink = new ListSink();
    try (SimCluster cluster = new SimCluster(1, NetworkOptions.reliable(), "")) {
      FailingOps failing = new FailingOps(cluster);
      RecordingCluster recording = new RecordingCluster(failing, sink);
      recording.joinServer(0);
      recording.joinServer(1);
      recording.breakConnection(0, 1);
      failing.failRestore = true;
      recording.finish(true);
      assertEquals(1, sink.nemeses(NemesisEvent.HEAL_FAILED).size());
      assertEquals(1, sink.nemeses("runEnd").size());
    }
  }

  /** A forged commit that contradicts a held one is reported, recorded and explained. */
  @Test
  void anInvariantViolationIsReportedAndRecorded() {
    ListSink sink = new ListSink();
    try (SimCluster cluster = new SimCluster(1, NetworkOptions.reliable(), "")) {
      RecordingCluster recording = new RecordingCluster(cluster, sink);
      recording.joinServer(0);
      recording.joinServer(1);
      recording.joinClient(2, 0);
      recording.put(2, "k", "v");
      recording.stabilize();
      Simulation sim = cluster.simulation();
      Write forged = new Write(1, "R", Write.PUT, "k", "forged", 1);
      sim.inject(cluster.portOf(1), 0, new Msg.Push(77, new Msg.Summary(java.util.Map.of(), 0),
          List.of(forged), List.of(), new Msg.Summary(java.util.Map.of(), 0), List.of()));
      cluster.advance(10_000);
      recording.finish(true);
      List<bayou.history.NemesisEvent> reports = sink.nemeses(RecordingCluster.INVARIANT);
      assertEquals(1, reports.size(), sink.events::toString);
      assertTrue(reports.get(0).detail().startsWith("node 1: invariant violated: "),
          reports.get(0).detail());
    }
  }

  /** A cluster whose operations throw (as a master's timeout would) and restores can fail. */
  private static final class FailingOps extends ForwardingCluster {
    boolean failRestore;

    FailingOps(Cluster cluster) {
      super(cluster);
    }

    @Override
    public Msg.OpOutcome put(int client, String key, String value) {
      throw new ClusterException("op on node " + client + ": no answer within 5000 ms");
    }

    @Override
    public void restoreConnection(int a, int b) {
      if (failRestore) {
        throw new ClusterException("unblock on node " + a + ": no answer within 5000 ms");
      }
      super.restoreConnection(a, b);
    }
  }
}

package bayou.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.history.WriteId;
import bayou.replica.Write;
import bayou.sim.NetworkOptions;
import bayou.wire.Msg;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Kill and restart, freeze and thaw, and clock skew, in the simulator (seeded, exact). */
class DownServersSimTest {
  private static SimCluster cluster(String bugs) {
    SimCluster cluster = new SimCluster(11, NetworkOptions.campaignDefault(), bugs);
    cluster.joinServer(0);
    cluster.joinServer(1);
    cluster.joinClient(2, 1);
    cluster.joinClient(3, 0);
    return cluster;
  }

  private static List<WriteId> ids(Msg.LogDump log) {
    return Stream.concat(log.committed().stream(), log.tentative().stream()).map(Write::id)
        .toList();
  }

  private static List<WriteId> committedIds(Msg.LogDump log) {
    return log.committed().stream().map(Write::id).toList();
  }

  @Test
  void anAcknowledgedWriteComesBackFromDiskWithTheSameName() {
    try (SimCluster cluster = cluster("")) {
      String name = cluster.log(1).name();
      Msg.OpOutcome put = cluster.put(2, "a", "v1");
      assertEquals("ok", put.status());
      cluster.killServer(1);
      assertEquals(List.of(0), cluster.servers());
      assertThrows(ClusterException.class, () -> cluster.log(1), "a killed server has no log");
      Msg.LogDump recovered = cluster.restartServer(1);
      assertEquals(name, recovered.name());
      assertTrue(ids(recovered).contains(put.writeId()), "recovered " + ids(recovered));
      cluster.stabilize();
      assertTrue(committedIds(cluster.log(1)).contains(put.writeId()));
    }
  }

  /** The proof the check above can fail: answered before the disk, lost in the crash. */
  @Test
  void withAckBeforePersistAnAcknowledgedWriteIsLost() {
    try (SimCluster cluster = cluster("ack-before-persist")) {
      cluster.put(2, "a", "v1");
      Msg.OpOutcome put = cluster.put(2, "b", "v2");
      assertEquals("ok", put.status());
      cluster.killServer(1);
      assertFalse(ids(cluster.restartServer(1)).contains(put.writeId()));
    }
  }

  @Test
  void aKilledPrimaryStopsCommitsUntilItReturns() {
    try (SimCluster cluster = cluster("")) {
      cluster.killServer(0);
      Msg.OpOutcome put = cluster.put(2, "a", "v1");
      cluster.stabilize(); // waits for server 1 only
      Msg.LogDump alone = cluster.log(1);
      assertEquals(List.of(put.writeId()), alone.tentative().stream().map(Write::id).toList());
      Msg.LogDump primary = cluster.restartServer(0);
      assertTrue(primary.primary());
      cluster.stabilize();
      assertTrue(committedIds(cluster.log(1)).contains(put.writeId()));
      assertEquals(committedIds(cluster.log(0)), committedIds(cluster.log(1)));
    }
  }

  @Test
  void aFrozenServerCatchesUpWhenThawed() {
    try (SimCluster cluster = cluster("")) {
      cluster.freezeServer(1);
      Msg.OpOutcome put = cluster.put(3, "a", "v1");
      cluster.stabilize();
      assertThrows(ClusterException.class, () -> cluster.log(1));
      cluster.thawServer(1);
      cluster.stabilize();
      assertTrue(committedIds(cluster.log(1)).contains(put.writeId()));
    }
  }

  /** A clock 5 s behind still stamps a write after the writes its server has seen. */
  @Test
  void aWriteAfterASeenWriteIsStampedAfterItWhateverTheClock() {
    for (String bugs : List.of("", "wall-clock-stamps")) {
      try (SimCluster cluster = cluster(bugs)) {
        cluster.skewClock(1, -5_000, 100);
        Msg.OpOutcome first = cluster.put(3, "a", "v1");
        cluster.stabilize();
        Msg.OpOutcome second = cluster.put(2, "a", "v2");
        assertEquals(bugs.isEmpty(), first.writeId().compareTo(second.writeId()) < 0,
            bugs + ": " + first.writeId() + " then " + second.writeId());
      }
    }
  }
}

package bayou.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import bayou.cluster.Cluster.CommittedPrefix;
import bayou.history.LogEntry;
import bayou.history.MemoryHistory;
import bayou.history.SharedPrefixList;
import bayou.history.SnapshotEvent;
import bayou.replica.LogDigest;
import bayou.replica.Write;
import bayou.sim.NetworkOptions;
import bayou.wire.Msg;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A periodic snapshot asks a server only for the committed writes after those the recorder
 * holds, and the history still shows every snapshot's whole log (issue 15).
 */
class DeltaSnapshotTest {
  @Test
  void aServerSendsOnlyWhatFollowsAPrefixItAgreesWith() {
    try (SimCluster cluster = new SimCluster(3, NetworkOptions.reliable().withWire(true), "")) {
      cluster.joinServer(0);
      cluster.joinClient(1, 0);
      for (int i = 0; i < 10; i++) {
        cluster.put(1, "song" + i, "url" + i);
      }
      List<Write> whole = cluster.log(0).committed();
      long hashOfSix = LogDigest.committedHash(whole, 6);

      Msg.LogDump after = cluster.logsSince(Map.of(0, new CommittedPrefix(6, hashOfSix))).get(0);
      assertEquals(6, after.committedFrom());
      assertEquals(whole.subList(6, 10), after.committed());

      Msg.LogDump wrongHash =
          cluster.logsSince(Map.of(0, new CommittedPrefix(6, hashOfSix + 1))).get(0);
      assertEquals(0, wrongHash.committedFrom());
      assertEquals(whole, wrongHash.committed());

      Msg.LogDump tooLong = cluster.logsSince(Map.of(0, new CommittedPrefix(11,
          LogDigest.committedHash(whole, 10)))).get(0);
      assertEquals(0, tooLong.committedFrom(), "a prefix longer than the log: the whole log");
      assertEquals(whole, tooLong.committed());
    }
  }

  @Test
  void periodicSnapshotsRecordWholeLogsFromDeltas() {
    MemoryHistory history = new MemoryHistory(() -> 0);
    try (SimCluster sim = new SimCluster(4, NetworkOptions.reliable(), "");
        RecordingCluster cluster = new RecordingCluster(sim, history)) {
      cluster.joinServer(0);
      cluster.joinServer(1);
      cluster.joinClient(2, 0);
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 5; i++) {
          cluster.put(2, "song" + round + i, "url" + i);
        }
        cluster.stabilize();
        cluster.snapshotAll(RecordingCluster.PERIODIC);
      }
      List<Write> whole0 = sim.log(0).committed();
      List<Write> whole1 = sim.log(1).committed();
      assertEquals(16, whole0.size()); // 15 puts and the CREATE of server 1
      List<SnapshotEvent> periodic = history.events().stream()
          .filter(e -> e instanceof SnapshotEvent s && s.reason().equals(RecordingCluster.PERIODIC))
          .map(e -> (SnapshotEvent) e).toList();
      assertEquals(6, periodic.size());
      SnapshotEvent last0 = periodic.get(4).server() == 0 ? periodic.get(4) : periodic.get(5);
      SnapshotEvent last1 = periodic.get(4).server() == 1 ? periodic.get(4) : periodic.get(5);
      assertEquals(entries(whole0), last0.committed());
      assertEquals(entries(whole1), last1.committed());
    }
  }

  /**
   * A new server's log is a copy of its creator's: the recorder offers the creator's log as
   * what it holds, so the newcomer's first snapshot comes as a delta, and both servers' logs
   * share one list (which the history then writes as a delta too). A restart's whole log
   * shares it as well.
   */
  @Test
  void aNewServersFirstSnapshotExtendsItsCreatorsLog() {
    MemoryHistory history = new MemoryHistory(() -> 0);
    try (SimCluster sim = new SimCluster(4, NetworkOptions.reliable(), "");
        RecordingCluster cluster = new RecordingCluster(sim, history)) {
      cluster.joinServer(0);
      cluster.joinClient(3, 0);
      for (int i = 0; i < 20; i++) {
        cluster.put(3, "song" + i, "url" + i);
      }
      cluster.snapshotAll(RecordingCluster.PERIODIC);
      cluster.joinServer(1);
      cluster.snapshotAll(RecordingCluster.PERIODIC);
      cluster.killServer(1);
      cluster.restartServer(1);
      List<SnapshotEvent> snapshots = history.events().stream()
          .filter(e -> e instanceof SnapshotEvent).map(e -> (SnapshotEvent) e).toList();
      SnapshotEvent creator = snapshots.get(0);
      SnapshotEvent newcomer = snapshots.stream()
          .filter(s -> s.server() == 1 && s.reason().equals(RecordingCluster.PERIODIC))
          .findFirst().orElseThrow();
      SnapshotEvent restarted = snapshots.get(snapshots.size() - 1);
      assertEquals(RecordingCluster.RECOVERED, restarted.reason());
      assertEquals(entries(sim.log(1).committed()), newcomer.committed());
      assertEquals(20, creator.committed().size());
      assertSame(SharedPrefixList.backing(creator.committed()),
          SharedPrefixList.backing(newcomer.committed()));
      assertSame(SharedPrefixList.backing(creator.committed()),
          SharedPrefixList.backing(restarted.committed()));
    }
  }

  private static List<LogEntry> entries(List<Write> writes) {
    return writes.stream().map(Write::toLogEntry).toList();
  }

}

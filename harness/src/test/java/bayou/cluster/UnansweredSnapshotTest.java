package bayou.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.history.MemoryHistory;
import bayou.history.NemesisEvent;
import bayou.history.SnapshotEvent;
import bayou.sim.NetworkOptions;
import bayou.wire.Msg;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 30-minute soak ended without a verdict: one server's process stopped answering, the final
 * snapshot of all logs failed with it, and the campaign aborted. Now the servers that answer
 * are recorded, and the one that does not is a failed heal step on record.
 */
class UnansweredSnapshotTest {
  /** Server 1 never answers a request for its log. */
  private static final class Hung extends ForwardingCluster {
    Hung(Cluster cluster) {
      super(cluster);
    }

    @Override
    public Map<Integer, Msg.LogDump> logs() {
      throw new ClusterException("log on node 1: no answer within 5000 ms");
    }

    @Override
    public Msg.LogDump log(int id) {
      if (id == 1) {
        throw new ClusterException("log on node 1: no answer within 5000 ms");
      }
      return super.log(id);
    }
  }

  @Test
  void theServersThatAnswerAreRecordedAndTheOtherIsOnRecord() {
    MemoryHistory history = new MemoryHistory(() -> 0);
    try (SimCluster sim = new SimCluster(4, NetworkOptions.reliable(), "");
        RecordingCluster cluster = new RecordingCluster(new Hung(sim), history)) {
      cluster.joinServer(0);
      cluster.joinServer(1);
      cluster.joinServer(2);
      cluster.finish(false);
    }
    List<SnapshotEvent> finals = history.events().stream()
        .filter(e -> e instanceof SnapshotEvent s && s.reason().equals("final"))
        .map(e -> (SnapshotEvent) e).toList();
    assertEquals(List.of(0, 2), finals.stream().map(SnapshotEvent::server).toList());
    List<NemesisEvent> failed = history.events().stream()
        .filter(e -> e instanceof NemesisEvent n && n.f().equals(NemesisEvent.HEAL_FAILED))
        .map(e -> (NemesisEvent) e).toList();
    assertEquals(1, failed.size());
    assertEquals(1, failed.get(0).a());
    assertTrue(failed.get(0).detail().contains("no answer"), failed.get(0).detail());
  }
}

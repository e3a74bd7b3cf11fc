package bayou.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.history.MemoryHistory;
import bayou.history.NemesisEvent;
import bayou.replica.Write;
import bayou.sim.NetworkOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An hour-long soak ended invalid: a retirement whose hand-off was not confirmed in time was
 * reported failed, yet the server went on retiring, and the cluster kept it as a live server.
 * The final stabilize then waited on a retiree that would never take another write. Now a
 * retiree whose hand-off is unconfirmed leaves the cluster's servers at once, is on record as
 * retired, and finishes its hand-off in the background.
 */
class UnconfirmedRetirementTest {
  @Test
  void theRetireeLeavesTheServersAndItsHandOffStillArrives() {
    MemoryHistory history = new MemoryHistory(() -> 0);
    try (SimCluster sim = new SimCluster(5, NetworkOptions.reliable(), "");
        RecordingCluster cluster = new RecordingCluster(sim, history)) {
      cluster.joinServer(0);
      cluster.joinServer(1);
      String name = cluster.joinServer(2);
      sim.simulation().crash(sim.portOf(0)); // the heir dies, and the cluster does not know

      ClusterException failed = assertThrows(ClusterException.class,
          () -> cluster.retireServer(2));
      assertTrue(failed.getMessage().contains("in the background"), failed.getMessage());
      assertEquals(List.of(0, 1), cluster.servers());
      List<NemesisEvent> retired = history.events().stream()
          .filter(e -> e instanceof NemesisEvent n && n.f().equals("retireServer"))
          .map(e -> (NemesisEvent) e).toList();
      assertEquals(1, retired.size());
      assertEquals(2, retired.get(0).a());
      assertEquals(name, retired.get(0).name());

      cluster.killServer(0);
      cluster.restartServer(0); // on a new address: the retiree is told, and hands off there
      sim.advance(20_000_000); // past its next resend: twice the longest interval between two
      cluster.stabilize();
      assertTrue(cluster.log(1).committed().stream()
          .anyMatch(w -> w.op().equals(Write.RETIRE) && w.key().equals(name)),
          "the RETIRE reached the primary and was committed: " + cluster.log(1).committed());
    }
  }
}

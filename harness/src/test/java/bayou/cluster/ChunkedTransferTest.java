package bayou.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.replica.Write;
import bayou.sim.NetworkOptions;
import bayou.sim.Simulation;
import bayou.wire.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A log far longer than a line of the wire still crosses it, in bounded chunks: to a new server
 * (its creation), to a peer that was cut off (anti-entropy, both committed and tentative
 * writes) and to an heir (a retirement's hand-off). The simulated wire is cut to 8 KiB lines so
 * that 200 writes (some 25 KB) are several lines' worth, and it drops any longer message, as a
 * node's reader refuses its line. Before chunking, each of these transfers was one message and
 * never arrived.
 */
class ChunkedTransferTest {
  static final int LINE_BYTES = 8 * 1024;
  static final int WRITES = 200;

  /** A world on a short-lined wire, and what it carried: every message's type, and the lost. */
  private static final class World implements AutoCloseable {
    final List<String> types = new ArrayList<>();
    final List<Simulation.Traced> lost = new ArrayList<>();
    final SimCluster cluster;

    World(NetworkOptions network) {
      Simulation sim = new Simulation(7, network.withWire(true), LINE_BYTES);
      sim.trace(traced -> {
        types.add(traced.type());
        if (traced.delivered() < 0) {
          lost.add(traced);
        }
      });
      cluster = new SimCluster(sim, "");
    }

    long count(String type) {
      return types.stream().filter(type::equals).count();
    }

    void put(int client, String prefix, int count) {
      for (int i = 0; i < count; i++) {
        cluster.put(client, prefix + i, "http://example.org/playlist/" + prefix + "/" + i);
      }
    }

    @Override
    public void close() {
      cluster.close();
    }
  }

  private static void assertSameLogs(Map<Integer, Msg.LogDump> logs, int committed) {
    Msg.LogDump first = logs.values().iterator().next();
    assertEquals(committed, first.committed().size(), "committed writes");
    for (Map.Entry<Integer, Msg.LogDump> log : logs.entrySet()) {
      assertEquals(ids(first.committed()), ids(log.getValue().committed()),
          "server " + log.getKey());
      assertEquals(ids(first.tentative()), ids(log.getValue().tentative()),
          "server " + log.getKey());
    }
  }

  private static List<String> ids(List<Write> writes) {
    return writes.stream().map(w -> w.id() + "@" + w.csn()).toList();
  }

  @Test
  void aNewServerGetsALongLogInChunks() {
    try (World world = new World(NetworkOptions.reliable())) {
      world.cluster.joinServer(0);
      world.cluster.joinClient(9, 0);
      world.put(9, "a", WRITES);
      world.cluster.joinServer(1);
      world.cluster.stabilize();
      assertSameLogs(world.cluster.logs(), WRITES + 1); // and server 1's CREATE
      assertTrue(world.count("CreateReply") > 1, "chunked: " + world.count("CreateReply"));
      assertEquals(List.of(), world.lost);
    }
  }

  @Test
  void aPeerThatWasCutOffGetsItsBacklogInChunks() {
    try (World world = new World(NetworkOptions.reliable())) {
      world.cluster.joinServer(0);
      world.cluster.joinServer(1);
      world.cluster.breakConnection(0, 1);
      world.cluster.joinClient(9, 0);
      world.cluster.joinClient(8, 1);
      world.put(9, "a", WRITES); // committed at the primary
      world.put(8, "b", WRITES); // tentative at server 1
      long before = world.count("Push");
      world.cluster.restoreConnection(0, 1);
      world.cluster.stabilize();
      assertSameLogs(world.cluster.logs(), 2 * WRITES + 1);
      assertTrue(world.count("Push") - before > 4, "chunked: " + (world.count("Push") - before));
      assertEquals(List.of(), world.lost);
    }
  }

  @Test
  void anHeirGetsARetireesLogInChunks() {
    try (World world = new World(NetworkOptions.reliable())) {
      world.cluster.joinServer(0);
      world.cluster.joinServer(1);
      world.cluster.breakConnection(0, 1);
      world.cluster.joinClient(9, 0);
      world.put(9, "a", WRITES);
      world.cluster.pause(); // no gossip: server 1 gets 0's writes by the hand-off alone
      world.cluster.restoreConnection(0, 1);
      world.cluster.retireServer(0);
      assertTrue(world.count("Handoff") > 1, "chunked: " + world.count("Handoff"));
      assertEquals(WRITES + 2, world.cluster.log(1).committed().size()); // CREATE, RETIRE
      world.cluster.start();
      world.cluster.stabilize();
      assertSameLogs(world.cluster.logs(), WRITES + 2);
      assertEquals(List.of(), world.lost);
    }
  }

  /** Chunks lost, repeated and reordered on the way: each transfer still completes. */
  @Test
  void chunksSurviveAnUnreliableNetwork() {
    try (World world = new World(new NetworkOptions(50, 500, 0.05, 0.05, 0.1, 0, 0, false))) {
      world.cluster.joinServer(0);
      world.cluster.joinServer(1);
      world.cluster.breakConnection(0, 1);
      world.cluster.joinClient(9, 0);
      world.cluster.joinClient(8, 1);
      world.put(9, "a", WRITES);
      world.put(8, "b", WRITES / 2);
      world.cluster.restoreConnection(0, 1);
      world.cluster.joinServer(2);
      world.cluster.stabilize();
      world.cluster.retireServer(0);
      world.cluster.put(8, "c", "after");
      world.cluster.stabilize();
      assertSameLogs(world.cluster.logs(), WRITES + WRITES / 2 + 4);
    }
  }
}

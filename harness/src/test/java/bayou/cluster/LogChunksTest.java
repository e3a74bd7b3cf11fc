package bayou.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bayou.replica.Write;
import bayou.sim.NetworkOptions;
import bayou.wire.Msg;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A log too large for one line goes in chunks and comes back whole. */
class LogChunksTest {
  @Test
  void aLargeLogComesInChunksAndIsWholeAgain() {
    try (SimCluster cluster = new SimCluster(1, NetworkOptions.reliable().withWire(true), "")) {
      cluster.joinServer(0);
      cluster.joinClient(1, 0);
      String url = "u".repeat(1_000);
      int writes = 2_500; // about 2.6 MB of writes: three chunks
      for (int i = 0; i < writes; i++) {
        cluster.put(1, "song" + i, url);
      }
      List<Write> log = cluster.log(0).committed();
      assertEquals(writes, log.size());
      for (int i = 0; i < writes; i++) {
        assertEquals("song" + i, log.get(i).key());
        assertEquals(i + 1, log.get(i).csn());
      }
    }
  }

  @Test
  void chunksOutOfOrderAreRejected() {
    LogChunks chunks = new LogChunks();
    Msg.LogDump second = new Msg.LogDump("R", true, List.of(), List.of(), Map.of(), 1, 2);
    assertThrows(IllegalArgumentException.class,
        () -> chunks.offer(new Msg.Reply(7, true, null, null, null, second, null)));
    Msg.LogDump first = new Msg.LogDump("R", true, List.of(), List.of(), Map.of(), 0, 2);
    assertNull(chunks.offer(new Msg.Reply(7, true, null, null, null, first, null)));
    assertEquals(1, chunks.offer(new Msg.Reply(7, true, null, null, null, second, null)).log()
        .parts());
  }
}

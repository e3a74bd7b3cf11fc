package bayou.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.replica.Write;
import bayou.wire.Msg;
import bayou.wire.Wire;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Only the run's own processes may talk to a node: a forged push of a write nobody made, sent
 * by a process that does not know the run's secret, never reaches the log; garbage sent by one
 * that does is dropped, and the node lives on.
 */
class RunSecretTest {
  private static void send(int port, String text) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = socket.getOutputStream();
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.setSoTimeout(5_000);
      socket.getInputStream().read(); // until the node closes it (or we give up)
    } catch (IOException e) {
      // reset by the node: what a stranger gets
    }
  }

  private static List<String> lines(Msg.LogDump log) {
    return java.util.stream.Stream.concat(log.committed().stream(), log.tentative().stream())
        .filter(w -> w.op().equals(Write.PUT)).map(Write::courseLine).toList();
  }

  @Test
  void aStrangerCannotInjectAndAnInsidersGarbageIsDropped() throws Exception {
    try (NodePool pool = new NodePool(3, NodePool.defaultNodeJvmArgs());
        ProcessCluster cluster = new ProcessCluster(pool, "")) {
      cluster.joinServer(0);
      cluster.joinServer(1);
      cluster.joinClient(2, 1);
      cluster.put(2, "song", "url");
      Write forged = new Write(Long.MAX_VALUE / 2, "R", Write.PUT, "evil", "forged", 0);
      String push = Wire.encode(0, new Msg.Push(0, new Msg.Summary(Map.of(), 0), List.of(),
          List.of(forged), new Msg.Summary(Map.of("R", forged.stamp()), 0), List.of()));
      int server = cluster.portOf(1);
      send(server, push + "\n"); // no secret at all
      send(server, "00000000000000000000000000000000\n" + push + "\n"); // a wrong one
      send(server, pool.secret() + "\n{\"from\":2,\"type\":\"ClientRequest\",\"body\":"
          + "{\"req\":99,\"key\":\"k\",\"readSet\":{},\"writeSet\":{}}}\n" + "\u0000garbage\n");
      cluster.stabilize();
      assertEquals(List.of("PUT:(song, url):TRUE"), lines(cluster.log(1)));
      assertEquals("url", cluster.get(2, "song").value()); // the node lives on
    }
  }

  /**
   * A stranger that connects to the master's control port and says nothing (or garbage) holds
   * up no node's hello: hellos are read off the accept thread, with a timeout.
   */
  @Test
  void aSilentOrLyingConnectionDoesNotHoldUpTheNodes() throws Exception {
    try (NodePool pool = new NodePool(1, NodePool.defaultNodeJvmArgs());
        Socket silent = new Socket(InetAddress.getLoopbackAddress(), pool.controlPort());
        ProcessCluster cluster = new ProcessCluster(pool, "")) {
      send(pool.controlPort(), Wire.encode(-1, new Msg.Hello(1, 1, 1, "not the secret")) + "\n");
      long start = System.nanoTime();
      cluster.joinServer(0);
      cluster.joinServer(1);
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      org.junit.jupiter.api.Assertions.assertTrue(elapsedMs < 15_000, elapsedMs + " ms");
      assertEquals(List.of(0, 1), cluster.servers());
      assertEquals(false, silent.isClosed());
    }
  }
}

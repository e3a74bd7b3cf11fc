package bayou.cluster;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.wire.LineReader;
import bayou.wire.Wire;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A node that sends garbage is failed at once: no later call waits out its timeout. */
class NodeHandleTest {
  @Test
  void aNodeThatSendsGarbageFailsItsCallsAtOnce() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process idle = new ProcessBuilder(java, "-version").start(); // stands in for the node
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket nodeSide = new Socket(InetAddress.getLoopbackAddress(),
            listener.getLocalPort());
        Socket masterSide = listener.accept()) {
      NodeHandle handle = new NodeHandle(masterSide, new LineReader(
          masterSide.getInputStream(), Wire.LINE_BYTES_MAX), idle, 1);
      nodeSide.setSoTimeout(5_000);
      Node.Pending pending = handle.send("digest", -1, null, null, null, null);
      OutputStream out = nodeSide.getOutputStream();
      out.write("this is not a message\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      long start = System.nanoTime();
      assertThrows(ClusterException.class,
          () -> handle.await(pending, "digest", Duration.ofSeconds(5)));
      ClusterException later = assertThrows(ClusterException.class,
          () -> handle.call("digest", -1, Duration.ofSeconds(5)));
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      assertTrue(elapsedMs < 2_000, "took " + elapsedMs + " ms");
      assertTrue(later.getMessage().contains("failed"), later.getMessage());
      assertTrue(nodeSide.getInputStream().read() < 0 || masterSide.isClosed(),
          "the master closed its end");
    } finally {
      idle.destroyForcibly();
    }
  }
}

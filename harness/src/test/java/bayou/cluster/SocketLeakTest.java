package bayou.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bayou.wire.Msg;
import bayou.wire.Wire;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A connection to the master's control port whose hello is bad (garbage, the wrong secret, a
 * token no node has, or nothing at all) is closed: hundreds of them leave no open descriptor
 * behind. Counted in /proc/self/fd, so Linux only.
 */
class SocketLeakTest {
  static final int CONNECTIONS = 200;

  @Test
  void badHellosLeaveNoSocketOpen() throws Exception {
    assumeTrue(OpenFiles.countable(), "no /proc/self/fd to count");
    try (NodePool pool = new NodePool(1, NodePool.defaultNodeJvmArgs())) {
      pool.take(Duration.ofSeconds(30)); // the spare has said hello: its socket is counted
      List<String> hellos = List.of("garbage\n",
          Wire.encode(-1, new Msg.Hello(1, 1, 1, "not the secret")) + "\n",
          Wire.encode(-1, new Msg.Hello(999_999, 1, 1, pool.secret())) + "\n", "");
      long before = OpenFiles.count();
      for (int i = 0; i < CONNECTIONS; i++) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), pool.controlPort())) {
          OutputStream out = socket.getOutputStream();
          out.write(hellos.get(i % hellos.size()).getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
      // the replacement spare's pipes and hello add a few; a leak adds one per connection
      long after = OpenFiles.awaitCount(count -> count < before + 20, 10_000);
      assertTrue(after < before + 20, before + " descriptors before, " + after + " after "
          + CONNECTIONS + " bad hellos");
    }
  }
}

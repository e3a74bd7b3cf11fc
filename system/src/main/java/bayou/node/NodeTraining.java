package bayou.node;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads what a node process uses, so that {@code bin/bayou} can archive it (AppCDS) on the
 * node class path and every node starts faster. Prints nothing; never used otherwise.
 */
public final class NodeTraining {
  private NodeTraining() {}

  public static void main(String[] args) throws Exception {
    WarmUp.run();
    for (String name : List.of("bayou.node.NodeMain", "bayou.protocol.ServerRole",
        "bayou.protocol.ClientRole", "bayou.node.Transport", "bayou.node.ControlLink",
        "bayou.protocol.PeerKnowledge", "bayou.protocol.Inbound", "bayou.node.NodeEffects", "bayou.node.Log",
        "bayou.node.RunSecret", "bayou.wire.LineReader", "bayou.wire.Checks",
        "bayou.protocol.InvariantGuard")) {
      Class.forName(name);
    }
    loopback();
    System.exit(0);
  }

  /** One line over a loopback connection: the socket classes every node loads. */
  private static void loopback() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket accepted = server.accept()) {
      client.setTcpNoDelay(true);
      OutputStream out = client.getOutputStream();
      out.write("hello\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      new BufferedReader(new InputStreamReader(accepted.getInputStream(),
          StandardCharsets.UTF_8)).readLine();
    }
  }
}

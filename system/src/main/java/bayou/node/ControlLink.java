package bayou.node;

import bayou.protocol.Inbound;
import bayou.wire.LineReader;
import bayou.wire.Msg;
import bayou.wire.Wire;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;

/**
 * The node's connection to the master. When it closes, for whatever reason (the master exited,
 * crashed or was killed), the node halts at once: no process outlives its master. A line that
 * is not a valid command is dropped with one line on stderr.
 */
final class ControlLink {
  static final int CONNECT_TIMEOUT_MS = 5_000;

  private final Socket socket;
  private final Writer out;

  ControlLink(Endpoints endpoints, int masterPort) throws IOException {
    socket = new Socket();
    try {
      socket.bind(new InetSocketAddress(endpoints.self(), 0));
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(endpoints.master(), masterPort), CONNECT_TIMEOUT_MS);
      out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(),
          StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      Transport.closeQuietly(socket);
      throw e;
    }
  }

  void startReading(BlockingQueue<Inbound> inbox) {
    Thread reader = new Thread(() -> readLoop(inbox), "control");
    reader.setDaemon(true);
    reader.start();
  }

  synchronized void send(Msg msg) {
    try {
      out.write(Wire.encode(-1, msg));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      Runtime.getRuntime().halt(0); // the master is gone
    }
  }

  private void readLoop(BlockingQueue<Inbound> inbox) {
    try {
      LineReader in = LineReader.forConnection(socket.getInputStream(), Wire.LINE_BYTES_MAX);
      String line;
      while ((line = in.readLine()) != null) {
        Msg msg;
        try {
          msg = Wire.decode(line).msg();
        } catch (IllegalArgumentException e) {
          Log.DROPS.drop("master commands that did not decode", "a master's command: "
              + Transport.clip(e.getMessage()));
          continue;
        }
        if (msg instanceof Msg.Control control) {
          inbox.put(new Inbound.FromMaster(control)); // the master's commands are never dropped
        }
      }
    } catch (IOException | InterruptedException e) {
      Log.debug("control link ended: %s", e.getMessage());
    }
    Runtime.getRuntime().halt(0);
  }
}

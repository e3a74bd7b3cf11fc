package bayou.node;

import bayou.protocol.Inbound;
import bayou.wire.Msg;
import bayou.wire.Wire;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;

/**
 * The node's connection to the master. When it closes, for whatever reason (the master exited,
 * crashed or was killed), the node halts at once: no process outlives its master.
 */
final class ControlLink {
  private final Socket socket;
  private final Writer out;

  ControlLink(int masterPort) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), masterPort);
    socket.setTcpNoDelay(true);
    out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(),
        StandardCharsets.UTF_8));
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
    try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        Msg msg = Wire.decode(line).msg();
        if (msg instanceof Msg.Control control) {
          inbox.put(new Inbound.FromMaster(control));
        }
      }
    } catch (IOException | IllegalArgumentException | InterruptedException e) {
      Log.debug("control link ended: %s", e.getMessage());
    }
    Runtime.getRuntime().halt(0);
  }
}

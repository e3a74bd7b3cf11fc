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
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

/**
 * TCP between nodes: a listener whose readers put every decoded message into the node's inbox,
 * and one lazily opened outgoing connection per peer. {@link #send} is called from the event
 * loop only, so the outgoing side needs no locks.
 */
final class Transport {
  static final int CONNECT_TIMEOUT_MS = 2_000;

  private final ServerSocket listener;
  private final BlockingQueue<Inbound> inbox;
  private final Map<Integer, Integer> ports = new HashMap<>();
  private final Map<Integer, Writer> outgoing = new HashMap<>();
  private int selfId = -1;

  Transport(BlockingQueue<Inbound> inbox) throws IOException {
    this.inbox = inbox;
    this.listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  void setSelf(int id) {
    selfId = id;
  }

  void learn(Map<Integer, Integer> peerPorts) {
    ports.putAll(peerPorts);
  }

  void forget(int peer) {
    ports.remove(peer);
    closeOutgoing(peer);
  }

  /** Sends one message; false when the peer cannot be reached (gone, or never known). */
  boolean send(int peer, Msg msg) {
    return sendLine(peer, Wire.encode(selfId, msg));
  }

  /** The line of {@code msg}, to send the same message to many peers for one encoding. */
  String encode(Msg msg) {
    return Wire.encode(selfId, msg);
  }

  /** Sends an encoded message (see {@link #encode}). */
  boolean sendLine(int peer, String line) {
    try {
      Writer writer = outgoing.get(peer);
      if (writer == null) {
        writer = connect(peer);
        if (writer == null) {
          return false;
        }
      }
      writer.write(line);
      writer.write('\n');
      writer.flush();
      return true;
    } catch (IOException e) {
      Log.debug("send to %d failed: %s", peer, e.getMessage());
      closeOutgoing(peer);
      return false;
    }
  }

  private Writer connect(int peer) throws IOException {
    Integer port = ports.get(peer);
    if (port == null) {
      return null;
    }
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
        CONNECT_TIMEOUT_MS);
    Writer writer = new BufferedWriter(
        new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
    outgoing.put(peer, writer);
    return writer;
  }

  private void closeOutgoing(int peer) {
    Writer writer = outgoing.remove(peer);
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException ignored) {
        // already broken; nothing more to release
      }
    }
  }

  private void acceptLoop() {
    while (true) {
      try {
        Socket socket = listener.accept();
        socket.setTcpNoDelay(true);
        Thread reader = new Thread(() -> readLoop(socket), "read");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void readLoop(Socket socket) {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      while ((line = in.readLine()) != null) {
        Wire.Envelope envelope = Wire.decode(line);
        inbox.put(new Inbound.FromPeer(envelope.from(), envelope.msg()));
      }
    } catch (IOException | IllegalArgumentException e) {
      Log.debug("peer connection ended: %s", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

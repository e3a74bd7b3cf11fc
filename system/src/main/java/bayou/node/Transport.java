package bayou.node;

import bayou.protocol.Inbound;
import bayou.wire.LineReader;
import bayou.wire.Msg;
import bayou.wire.Wire;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TCP between nodes: a listener whose readers put every decoded message into the node's inbox,
 * and one lazily opened outgoing connection per peer. {@link #send} is called from the event
 * loop only, so the outgoing side needs no locks.
 *
 * <p>Every connection opens with the run's secret ({@link RunSecret}); one that does not within
 * {@link #HANDSHAKE_TIMEOUT_MS} is closed. A line that does not decode to a valid message is
 * dropped with one line on stderr; a line longer than {@link Wire#LINE_BYTES_MAX} closes its
 * connection. Every socket is on loopback and every failure path closes its socket. Drops are
 * counted and said sparingly ({@link bayou.protocol.Drops}).
 */
final class Transport {
  static final int CONNECT_TIMEOUT_MS = 2_000;
  static final int HANDSHAKE_TIMEOUT_MS = 2_000;
  /** How long a reader waits for room in a full inbox before it drops the message. */
  static final long INBOX_PUT_TIMEOUT_MS = 5_000;
  /** Incoming connections open at once; more are refused (a node has tens of peers). */
  static final int CONNECTIONS_MAX = 512;

  private final ServerSocket listener;
  private final BlockingQueue<Inbound> inbox;
  private final String secret;
  private final Map<Integer, Integer> ports = new HashMap<>();
  private final Map<Integer, Writer> outgoing = new HashMap<>();
  private final AtomicInteger connections = new AtomicInteger();
  private int selfId = -1;

  Transport(BlockingQueue<Inbound> inbox, String secret) throws IOException {
    this.inbox = inbox;
    this.secret = secret;
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
    peerPorts.forEach((peer, port) -> {
      Integer was = ports.put(peer, port);
      if (was != null && !was.equals(port)) {
        closeOutgoing(peer); // restarted on a new port: the old connection leads nowhere
      }
    });
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
    try {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
          CONNECT_TIMEOUT_MS);
      Writer writer = new BufferedWriter(
          new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
      writer.write(secret);
      writer.write('\n');
      outgoing.put(peer, writer);
      return writer;
    } catch (IOException | RuntimeException e) {
      closeQuietly(socket);
      throw e;
    }
  }

  private void closeOutgoing(int peer) {
    closeQuietly(outgoing.remove(peer));
  }

  static void closeQuietly(Closeable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (IOException ignored) {
        // already broken; nothing more to release
      }
    }
  }

  private void acceptLoop() {
    while (true) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return;
      }
      if (connections.incrementAndGet() > CONNECTIONS_MAX) {
        connections.decrementAndGet();
        Log.DROPS.drop("connections over the limit", "a connection: " + CONNECTIONS_MAX
            + " already open");
        closeQuietly(socket);
        continue;
      }
      Thread reader = new Thread(() -> serve(socket), "read");
      reader.setDaemon(true);
      reader.start();
    }
  }

  private void serve(Socket socket) {
    try {
      socket.setTcpNoDelay(true);
      readLoop(socket);
    } catch (IOException e) {
      Log.debug("peer connection ended: %s", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(socket);
      connections.decrementAndGet();
    }
  }

  private void readLoop(Socket socket) throws IOException, InterruptedException {
    LineReader in = new LineReader(socket.getInputStream(), Wire.LINE_BYTES_MAX);
    if (!handshake(socket, in)) {
      return;
    }
    String line;
    while ((line = in.readLine()) != null) {
      Wire.Envelope envelope;
      try {
        envelope = Wire.decode(line);
      } catch (IllegalArgumentException e) {
        Log.DROPS.drop("peer messages that did not decode", "a peer's message: "
            + clip(e.getMessage()));
        continue;
      }
      Inbound item = new Inbound.FromPeer(envelope.from(), envelope.msg());
      if (!inbox.offer(item, INBOX_PUT_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
        Log.DROPS.drop("peer messages for a full inbox", "a peer's message: the inbox stayed "
            + "full for " + INBOX_PUT_TIMEOUT_MS + " ms");
      }
    }
  }

  /** The first line must be the run's secret, within the handshake timeout. */
  private boolean handshake(Socket socket, LineReader in) throws IOException {
    socket.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
    String presented;
    try {
      presented = in.readLine(RunSecret.SECRET_LINE_BYTES_MAX);
    } catch (SocketTimeoutException | LineReader.LineTooLongException e) {
      presented = null;
    }
    if (!RunSecret.matches(secret, presented)) {
      Log.DROPS.drop("connections without the run's secret",
          "a connection that did not present the run's secret");
      return false;
    }
    socket.setSoTimeout(0); // a peer may rightly stay silent for long: reads wait on the peer
    return true;
  }

  /** An error message cut to one short line: it may quote a stranger's bytes. */
  static String clip(String message) {
    String text = String.valueOf(message).replaceAll("[\\p{Cntrl}]", "?");
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}

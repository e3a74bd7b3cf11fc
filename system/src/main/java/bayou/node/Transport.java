package bayou.node;

import bayou.protocol.Inbound;
import bayou.wire.LineReader;
import bayou.wire.Msg;
import bayou.wire.Wire;
import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TCP between nodes: a listener whose readers put every decoded message into the node's inbox,
 * and one outgoing {@link PeerLink} per peer, opened on first use, whose own thread writes: the
 * event loop only queues, so a stalled or cut connection never blocks it. {@link #send} is
 * called from the event loop only.
 *
 * <p>Every connection opens with the run's secret ({@link RunSecret}); one that does not within
 * {@link #HANDSHAKE_TIMEOUT_MS} is closed. Then the sender pings (an empty line) every
 * {@link PeerLink#HEARTBEAT_MS} and the reader answers each; a reader that hears nothing for
 * {@link PeerLink#DEAD_AFTER_MS} closes its side. A line that does not decode to a valid
 * message is dropped with one line on stderr; a line longer than {@link Wire#LINE_BYTES_MAX}
 * closes its connection. Sockets bind this node's own address ({@link Endpoints}) and every
 * failure path closes its socket. Drops are counted and said sparingly
 * ({@link bayou.protocol.Drops}).
 */
final class Transport {
  static final int HANDSHAKE_TIMEOUT_MS = 2_000;
  /** How long a reader waits for room in a full inbox before it drops the message. */
  static final long INBOX_PUT_TIMEOUT_MS = 5_000;
  /** Incoming connections open at once; more are refused (a node has tens of peers). */
  static final int CONNECTIONS_MAX = 512;

  private final ServerSocket listener;
  private final BlockingQueue<Inbound> inbox;
  private final String secret;
  private final Endpoints endpoints;
  private final Map<Integer, Integer> addresses = new HashMap<>();
  private final Map<Integer, PeerLink> outgoing = new HashMap<>();
  private final AtomicInteger connections = new AtomicInteger();
  private int selfId = -1;

  Transport(BlockingQueue<Inbound> inbox, String secret, Endpoints endpoints) throws IOException {
    this.inbox = inbox;
    this.secret = secret;
    this.endpoints = endpoints;
    this.listener = new ServerSocket(0, 128, endpoints.self());
    Thread acceptor = new Thread(this::acceptLoop, "accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** This node's address for the others' address books. */
  int address() {
    return endpoints.address(listener.getLocalPort());
  }

  void setSelf(int id) {
    selfId = id;
  }

  void learn(Map<Integer, Integer> peerAddresses) {
    peerAddresses.forEach((peer, address) -> {
      if (!address.equals(addresses.put(peer, address))) {
        closeOutgoing(peer); // a new address: the old connection leads elsewhere
      }
    });
  }

  void forget(int peer) {
    addresses.remove(peer);
    closeOutgoing(peer);
  }

  /** Queues one message; false when the peer cannot be reached (gone, never known, down). */
  boolean send(int peer, Msg msg) {
    return sendLine(peer, Wire.encode(selfId, msg));
  }

  /** The line of {@code msg}, to send the same message to many peers for one encoding. */
  String encode(Msg msg) {
    return Wire.encode(selfId, msg);
  }

  /** Queues an encoded message (see {@link #encode}). */
  boolean sendLine(int peer, String line) {
    PeerLink link = outgoing.get(peer);
    if (link == null) {
      Integer address = addresses.get(peer);
      if (address == null) {
        return false;
      }
      link = new PeerLink(peer, endpoints.socketOf(address), endpoints.self(), secret);
      outgoing.put(peer, link);
    }
    return link.offer(line);
  }

  private void closeOutgoing(int peer) {
    PeerLink link = outgoing.remove(peer);
    if (link != null) {
      link.close();
    }
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
      socket.setKeepAlive(true);
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
    Answers answers = new Answers(socket.getOutputStream());
    LineReader in = LineReader.forConnection(answers.whileReading(socket.getInputStream()),
        Wire.LINE_BYTES_MAX);
    if (!handshake(socket, in)) {
      return;
    }
    answers.answer(); // from here on, a peer that presented the secret is answered
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        answers.answer(); // a ping: the sender learns the connection is alive
        continue;
      }
      Wire.Envelope envelope;
      try {
        envelope = Wire.decode(line);
      } catch (IllegalArgumentException e) {
        Log.DROPS.drop("peer messages that did not decode", "a peer's message: "
            + clip(e.getMessage()));
        continue;
      }
      if (!deliver(new Inbound.FromPeer(envelope.from(), envelope.msg()), answers)) {
        Log.DROPS.drop("peer messages for a full inbox", "a peer's message: the inbox stayed "
            + "full for " + INBOX_PUT_TIMEOUT_MS + " ms");
      }
    }
  }

  /**
   * Puts a message into the inbox, waiting at most {@link #INBOX_PUT_TIMEOUT_MS} for room and
   * answering the sender meanwhile: a busy node is alive, and its peers must not take the wait
   * for a cut network.
   */
  private boolean deliver(Inbound item, Answers answers) throws IOException,
      InterruptedException {
    long waited = 0;
    while (!inbox.offer(item, PeerLink.HEARTBEAT_MS, TimeUnit.MILLISECONDS)) {
      waited += PeerLink.HEARTBEAT_MS;
      if (waited >= INBOX_PUT_TIMEOUT_MS) {
        return false;
      }
      answers.answer();
    }
    return true;
  }

  /**
   * The reader's answers to its sender, the only sign of life a sender trusts ({@link PeerLink}):
   * one per ping, and one at least every heartbeat while the bytes of a long line arrive, so
   * that a peer slowly taking a large log is not taken for dead. Bytes a sender's socket
   * accepts prove nothing: its kernel buffers them while a cut network drops every packet.
   */
  private static final class Answers {
    private final java.io.OutputStream out;
    private boolean open;
    private long lastMs;

    Answers(java.io.OutputStream out) {
      this.out = out;
    }

    void answer() throws IOException {
      open = true;
      out.write('\n');
      out.flush();
      lastMs = PeerLink.nowMs();
    }

    /** {@code in}, answering whenever a read brings bytes a heartbeat after the last answer. */
    java.io.InputStream whileReading(java.io.InputStream in) {
      return new java.io.FilterInputStream(in) {
        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
          int n = super.read(bytes, offset, length);
          if (n > 0 && open && PeerLink.nowMs() - lastMs >= PeerLink.HEARTBEAT_MS) {
            answer();
          }
          return n;
        }
      };
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
    socket.setSoTimeout(PeerLink.DEAD_AFTER_MS); // a live peer pings more often than this
    return true;
  }

  /** An error message cut to one short line: it may quote a stranger's bytes. */
  static String clip(String message) {
    String text = String.valueOf(message).replaceAll("[\\p{Cntrl}]", "?");
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}

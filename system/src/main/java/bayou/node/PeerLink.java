package bayou.node;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outgoing connection to one peer, owned by a writer thread of its own so that the event
 * loop never blocks on a socket: {@link #offer} only queues. The writer connects (with a bounded
 * timeout, again after a failure with a doubling backoff), presents the run's secret, writes the
 * queued lines, and pings every {@link #HEARTBEAT_MS}. The peer answers each ping, and at least
 * every heartbeat while it reads a long line or waits for room in its inbox; a second thread
 * reads the answers, and a connection that answers nothing for {@link #DEAD_AFTER_MS} is dead and
 * is closed and opened again. Only answers count: the socket taking bytes proves nothing, as the
 * kernel buffers them while a cut network drops every packet, and TCP's own retransmissions
 * back off so far during a long cut that the link stayed silent for seconds after the heal (the
 * availability checker caught clients timing out after a stabilize on {@code --net netns}).
 */
final class PeerLink {
  /** Short, so that a connection tried during a cut is tried again soon after the heal. */
  static final int CONNECT_TIMEOUT_MS = 1_000;
  static final long HEARTBEAT_MS = 250;
  static final int DEAD_AFTER_MS = 2_000;
  static final long BACKOFF_MIN_MS = 50;
  static final long BACKOFF_MAX_MS = 500;
  /** Queued lines and bytes at most; a full queue refuses (the protocol resends what matters). */
  static final int QUEUE_LINES_MAX = 10_000;
  static final long QUEUE_BYTES_MAX = 32L << 20;
  /** A heartbeat is an empty line; the peer answers it with one. */
  static final String PING = "";

  private final int peer;
  private final InetSocketAddress target;
  private final java.net.InetAddress bindTo;
  private final String secret;
  private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(QUEUE_LINES_MAX);
  private final AtomicLong queuedBytes = new AtomicLong();
  private volatile boolean closed;
  /**
   * The last attempt to connect was refused (no process listens there: the peer is gone) and
   * none has succeeded since: sends are refused. A connection that times out (a cut network)
   * leaves the link up: lines wait in the queue for the heal.
   */
  private volatile boolean down;
  private volatile Socket socket;
  /** When the peer last answered (ms, nanoTime based). */
  private volatile long lastSignOfLifeMs;
  private final java.util.concurrent.CountDownLatch closing =
      new java.util.concurrent.CountDownLatch(1);

  PeerLink(int peer, InetSocketAddress target, java.net.InetAddress bindTo, String secret) {
    this.peer = peer;
    this.target = target;
    this.bindTo = bindTo;
    this.secret = secret;
    Thread writer = new Thread(this::writeLoop, "write-" + peer);
    writer.setDaemon(true);
    writer.start();
  }

  /** Queues a line; false when the peer is known to be gone or the queue is full. */
  boolean offer(String line) {
    if (closed || down || queuedBytes.get() + line.length() > QUEUE_BYTES_MAX) {
      return false;
    }
    if (!queue.offer(line)) {
      return false;
    }
    queuedBytes.addAndGet(line.length());
    return true;
  }

  void close() {
    closed = true;
    closing.countDown();
    Transport.closeQuietly(socket);
    queue.offer(PING); // wakes a writer waiting for lines
  }

  private void writeLoop() {
    long backoff = BACKOFF_MIN_MS;
    while (!closed) {
      Socket open;
      Writer out;
      try {
        open = connect();
        lastSignOfLifeMs = nowMs();
        out = new BufferedWriter(new OutputStreamWriter(open.getOutputStream(),
            StandardCharsets.UTF_8), 1 << 16);
        out.write(secret);
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        Log.debug("connect to %d failed: %s", peer, e.getMessage());
        down = e instanceof java.net.ConnectException;
        if (!waitFor(backoff)) {
          return;
        }
        backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
        continue;
      }
      down = false;
      backoff = BACKOFF_MIN_MS;
      startAnswerReader(open);
      try {
        writeUntilBroken(out);
      } catch (IOException e) {
        Log.debug("connection to %d broke: %s", peer, e.getMessage());
      } catch (InterruptedException e) {
        return;
      } finally {
        Transport.closeQuietly(open);
      }
    }
  }

  private Socket connect() throws IOException {
    Socket open = new Socket();
    try {
      open.bind(new InetSocketAddress(bindTo, 0));
      open.setTcpNoDelay(true);
      open.setKeepAlive(true);
      open.connect(target, CONNECT_TIMEOUT_MS);
      open.setSoTimeout((int) HEARTBEAT_MS); // the answer reader looks at the time this often
      socket = open;
      if (closed) {
        throw new IOException("closed");
      }
      return open;
    } catch (IOException | RuntimeException e) {
      Transport.closeQuietly(open);
      throw e;
    }
  }

  private void writeUntilBroken(Writer out) throws IOException, InterruptedException {
    long nextPing = 0;
    while (!closed) {
      long now = System.nanoTime() / 1_000_000;
      if (now >= nextPing) {
        out.write('\n'); // a ping
        nextPing = now + HEARTBEAT_MS;
      }
      String line = queue.poll(Math.max(1, nextPing - now), TimeUnit.MILLISECONDS);
      while (line != null && !closed) {
        queuedBytes.addAndGet(-line.length());
        if (!line.isEmpty()) {
          out.write(line);
          out.write('\n');
        }
        line = queue.poll();
      }
      out.flush(); // may block on a stalled peer: only this thread waits
    }
  }

  /** Milliseconds by the monotonic clock, for signs of life on both ends of a link. */
  static long nowMs() {
    return System.nanoTime() / 1_000_000;
  }

  /** Reads the peer's answers; none for too long closes the connection. */
  private void startAnswerReader(Socket open) {
    Thread reader = new Thread(() -> {
      try {
        InputStream in = open.getInputStream();
        byte[] buffer = new byte[256];
        while (true) {
          try {
            if (in.read(buffer) < 0) {
              break;
            }
            lastSignOfLifeMs = nowMs(); // answers carry nothing but their arrival
          } catch (SocketTimeoutException e) {
            if (nowMs() - lastSignOfLifeMs >= DEAD_AFTER_MS) {
              Log.debug("connection to %d silent for %d ms: dead", peer, DEAD_AFTER_MS);
              break;
            }
          }
        }
      } catch (IOException e) {
        Log.debug("connection to %d: %s", peer, e.getMessage());
      }
      Transport.closeQuietly(open); // the writer sees it at its next flush
    }, "answers-" + peer);
    reader.setDaemon(true);
    reader.start();
  }

  /** Waits out a backoff; false when the link was closed meanwhile. */
  private boolean waitFor(long millis) {
    try {
      return !closing.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      return false;
    }
  }
}

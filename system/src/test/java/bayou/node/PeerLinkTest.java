package bayou.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A peer that stops reading (a stalled process, or a network that drops everything) never
 * blocks the sender's event loop, and its connection is found dead by the missing answers to
 * pings, closed, and opened again.
 */
class PeerLinkTest {
  @Test
  void aStalledPeerNeitherBlocksTheSenderNorKeepsItsDeadConnection() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket stalled = new ServerSocket(0, 8, loopback)) {
      stalled.setReceiveBufferSize(4096); // inherited by what it accepts
      BlockingQueue<Socket> accepted = acceptSilently(stalled);
      PeerLink link = new PeerLink(1, new InetSocketAddress(loopback, stalled.getLocalPort()),
          loopback, "secret");
      String line = "x".repeat(64 * 1024);
      long start = System.nanoTime();
      int queued = 0;
      for (int i = 0; i < 2_000; i++) { // 128 MB: far beyond what socket buffers hold
        if (link.offer(line)) {
          queued++;
        }
      }
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      assertTrue(elapsedMs < 2_000, "offers never wait on the socket: " + elapsedMs + " ms");
      assertTrue(queued < 2_000, "the queue is bounded: " + queued + " queued");
      Socket first = accepted.poll(10, TimeUnit.SECONDS);
      assertNotNull(first, "the link connects");
      Socket second = accepted.poll(PeerLink.DEAD_AFTER_MS + 10_000, TimeUnit.MILLISECONDS);
      assertNotNull(second, "a connection silent for " + PeerLink.DEAD_AFTER_MS
          + " ms is dead: the link connects again");
      assertFalse(first == second);
      link.close();
      assertFalse(link.offer("after close"));
      first.close();
      second.close();
    }
  }

  /**
   * A cut network on an idle link: the pings fit in the kernel's buffer forever, so only the
   * missing answers show the connection is dead. (Counting the bytes the socket took as a sign
   * of life kept such links open through a cut and silent for seconds after the heal.)
   */
  @Test
  void anIdleConnectionWhosePeerNeverAnswersIsOpenedAgain() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket silent = new ServerSocket(0, 8, loopback)) {
      BlockingQueue<Socket> accepted = acceptSilently(silent);
      PeerLink link = new PeerLink(1, new InetSocketAddress(loopback, silent.getLocalPort()),
          loopback, "secret");
      Socket first = accepted.poll(10, TimeUnit.SECONDS);
      assertNotNull(first, "the link connects");
      Socket second = accepted.poll(PeerLink.DEAD_AFTER_MS + 5_000, TimeUnit.MILLISECONDS);
      assertNotNull(second, "an idle link unanswered for " + PeerLink.DEAD_AFTER_MS
          + " ms is dead: it connects again");
      link.close();
      first.close();
      second.close();
    }
  }

  /**
   * A receiver answers while the bytes of a long line trickle in, with no ping among them, so
   * that a sender on a slow link does not take a live peer for dead and cut its line.
   */
  @Test
  void aReceiverAnswersWhileALongLineArrivesSlowly() throws Exception {
    BlockingQueue<bayou.protocol.Inbound> inbox = new LinkedBlockingQueue<>();
    Transport transport = new Transport(inbox, "secret", Endpoints.fromProperties());
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (Socket sender = new Socket(loopback, transport.address())) {
      sender.setSoTimeout(5_000);
      java.io.OutputStream out = sender.getOutputStream();
      java.io.InputStream answers = sender.getInputStream();
      out.write("secret\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.flush();
      assertEquals('\n', answers.read(), "answered once the secret is presented");
      int answered = 0;
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(4 * PeerLink.HEARTBEAT_MS
          + 200);
      while (System.nanoTime() < end) {
        out.write("x".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
        while (answers.available() > 0) {
          answered += answers.read() == '\n' ? 1 : 0;
        }
        Thread.sleep(20); // the pace of a slow link, not a wait for a condition
      }
      assertTrue(answered >= 2, "answers while the line arrives: " + answered);
      assertTrue(inbox.isEmpty(), "the line is not over: nothing delivered yet");
    }
  }

  /** Accepts every connection and never reads or answers one: a peer behind a cut. */
  private static BlockingQueue<Socket> acceptSilently(ServerSocket listener) {
    BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          accepted.add(listener.accept());
        }
      } catch (IOException e) {
        // the test is over
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    return accepted;
  }

  @Test
  void aRefusedConnectionMakesSendsFailUntilItConnects() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    int port;
    try (ServerSocket gone = new ServerSocket(0, 1, loopback)) {
      port = gone.getLocalPort(); // closed at once: nobody listens there any more
    }
    PeerLink link = new PeerLink(1, new InetSocketAddress(loopback, port), loopback, "secret");
    // no assertion on a first offer: the writer thread may already have been refused
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    boolean refused = false;
    while (!refused && System.nanoTime() < deadline) {
      refused = !link.offer("probe"); // until the writer's first attempt is refused
      Thread.onSpinWait();
    }
    assertTrue(refused, "a peer that refuses connections is reported unreachable");
    link.close();
    assertEquals(false, link.offer("closed"));
  }
}

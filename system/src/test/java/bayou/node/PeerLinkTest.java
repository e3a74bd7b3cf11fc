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
      BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            Socket s = stalled.accept();
            s.setReceiveBufferSize(4096);
            accepted.add(s); // never read, never answered
          }
        } catch (IOException e) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
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

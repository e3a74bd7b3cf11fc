package bayou.cluster;

import bayou.wire.Msg;
import bayou.wire.Wire;
import bayou.wire.LineReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The master's end of one node's control connection: request/reply calls and pushed digests.
 * A node that sends a line that is not a valid message, or closes the connection, is failed at
 * once: its connection is closed, its pending calls fail, and later calls fail without waiting.
 */
final class NodeHandle implements Node {
  private static final AtomicLong NEXT_REQUEST = new AtomicLong(1);

  private final Socket socket;
  private final Writer out;
  private final LineReader in;
  private final Process process;
  private final int port;
  private final Map<Long, CompletableFuture<Msg.Reply>> calls = new ConcurrentHashMap<>();
  private final LogChunks logChunks = new LogChunks(); // the reader thread's
  private volatile Consumer<Msg.Digest> digestListener = digest -> {};
  private volatile Consumer<String> violationListener = violation -> {};
  /** Why this node was failed, or null while it is healthy. */
  private volatile String failure;
  private volatile int id = -1;

  NodeHandle(Socket socket, LineReader in, Process process, int port) throws IOException {
    this.socket = socket;
    this.in = in;
    this.process = process;
    this.port = port;
    this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(),
        StandardCharsets.UTF_8));
    Thread reader = new Thread(this::readLoop, "node-control-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  int id() {
    return id;
  }

  @Override
  public void assigned(int newId, Consumer<Msg.Digest> listener,
      Consumer<String> violations) {
    this.id = newId;
    this.digestListener = listener;
    this.violationListener = violations;
  }

  @Override
  public Pending send(String cmd, int a, String f, String key, String value,
      Map<Integer, Integer> ports) {
    long req = NEXT_REQUEST.getAndIncrement();
    CompletableFuture<Msg.Reply> future = new CompletableFuture<>();
    calls.put(req, future);
    if (failure != null) { // checked after the put: a failure from now on completes it too
      calls.remove(req);
      throw new ClusterException("node " + id + " (pid " + pid() + ") failed: " + failure);
    }
    try {
      send(new Msg.Control(req, cmd, a, f, key, value, ports));
    } catch (ClusterException e) {
      calls.remove(req);
      throw e;
    }
    return new Pending(req, future);
  }

  @Override
  public Msg.Reply await(Pending pending, String cmd, Duration timeout) {
    long req = pending.req();
    CompletableFuture<Msg.Reply> future = pending.future();
    try {
      return Node.checked(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS), cmd, id);
    } catch (TimeoutException e) {
      throw new ClusterException(cmd + " on node " + id + ": no answer within "
          + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      throw new ClusterException(cmd + " on node " + id + ": " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException(cmd + " on node " + id + ": interrupted");
    } finally {
      calls.remove(req);
    }
  }

  private synchronized void send(Msg msg) {
    try {
      out.write(Wire.encode(-1, msg));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new ClusterException("node " + id + " (pid " + pid() + ") is gone: " + e.getMessage());
    }
  }

  private void readLoop() {
    String reason = "closed its control connection";
    try {
      String line;
      while ((line = in.readLine()) != null) {
        if (!(Wire.decode(line).msg() instanceof Msg.Reply reply)) {
          throw new IllegalArgumentException("sent a message that is not a reply");
        }
        onReply(reply);
      }
    } catch (IOException | IllegalArgumentException e) {
      reason = "sent garbage or broke its connection: " + e.getMessage();
    }
    fail(reason);
  }

  private void onReply(Msg.Reply chunk) {
    Msg.Reply reply = logChunks.offer(chunk);
    if (reply == null) {
      return; // a chunk of a log: the reply is the whole log
    }
    if (reply.digest() != null) {
      // in arrival order, here: a stale answer applied later would overwrite a newer push
      digestListener.accept(reply.digest());
    }
    if (reply.req() != 0) {
      CompletableFuture<Msg.Reply> future = calls.get(reply.req());
      if (future != null) {
        future.complete(reply);
      }
    } else if (!reply.ok() && reply.error() != null) {
      violationListener.accept(reply.error());
    }
  }

  /** Marks the node failed: its connection closes, and every call fails at once from now on. */
  private void fail(String reason) {
    failure = reason.length() <= 200 ? reason : reason.substring(0, 200) + "...";
    NodePool.closeQuietly(socket);
    calls.values().forEach(f -> f.completeExceptionally(
        new IOException("node " + id + " " + failure)));
  }

  /** Ends the node: closing the control connection makes it halt; the kill makes sure. */
  @Override
  public void stop() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is all we wanted
    }
    process.destroy();
  }

  @Override
  public void kill() {
    process.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush
    try {
      if (!process.waitFor(NodePool.EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ClusterException("node " + id + " (pid " + pid() + ") outlived its kill");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted while killing node " + id);
    }
    NodePool.closeQuietly(socket);
  }

  @Override
  public void freeze() {
    signal("STOP");
  }

  @Override
  public void thaw() {
    signal("CONT");
  }

  /** Sends a signal with kill(1): Java's Process API has SIGTERM and SIGKILL only. */
  private void signal(String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid()))
          .redirectErrorStream(true).start();
      String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!kill.waitFor(NodePool.EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)
          || kill.exitValue() != 0) {
        throw new ClusterException("kill -" + name + " " + pid() + " failed: " + output.strip());
      }
    } catch (IOException e) {
      throw new ClusterException("cannot run kill -" + name + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted while signalling node " + id);
    }
  }

  boolean awaitExit(Duration timeout) throws InterruptedException {
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return true;
    }
    process.destroyForcibly();
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}

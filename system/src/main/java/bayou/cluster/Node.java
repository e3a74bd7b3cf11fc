package bayou.cluster;

import bayou.wire.Msg;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The controller's end of one node, a real process ({@link NodeHandle}) or a simulated one: send
 * a command, await its reply within a bounded wait, receive the digests it pushes.
 */
interface Node {
  /** The node's address for the others' address books. */
  int port();

  /** The node has its id; its digests and invariant violations go to these listeners. */
  void assigned(int id, Consumer<Msg.Digest> listener, Consumer<String> violations);

  /** Sends a command without waiting; {@link #await} its reply, so calls can overlap. */
  Pending send(String cmd, int a, String f, String key, String value,
      Map<Integer, Integer> ports);

  /** Waits for a reply; a failed reply or no reply in time throws {@link ClusterException}. */
  Msg.Reply await(Pending pending, String cmd, Duration timeout);

  /** Sends a command and waits for its reply. */
  default Msg.Reply call(String cmd, int a, String f, String key, String value,
      Map<Integer, Integer> ports, Duration timeout) {
    return await(send(cmd, a, f, key, value, ports), cmd, timeout);
  }

  default Msg.Reply call(String cmd, int a, Duration timeout) {
    return call(cmd, a, null, null, null, null, timeout);
  }

  /** Ends the node. */
  void stop();

  /** Ends the node at once, as a crash does (SIGKILL), and waits until it is gone. */
  void kill();

  /** Stops the node where it is (SIGSTOP): it keeps everything and does nothing. */
  void freeze();

  /** Lets a frozen node go on (SIGCONT). */
  void thaw();

  /** A command sent and not yet answered. */
  record Pending(long req, CompletableFuture<Msg.Reply> future) {}

  /** The reply's verdict, shared by both kinds of node. */
  static Msg.Reply checked(Msg.Reply reply, String cmd, int id) {
    if (!reply.ok()) {
      throw new ClusterException(cmd + " on node " + id + " failed: " + reply.error());
    }
    return reply;
  }
}

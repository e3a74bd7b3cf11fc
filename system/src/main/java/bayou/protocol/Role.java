package bayou.protocol;

import bayou.replica.Bug;
import bayou.wire.Msg;
import bayou.wire.Wire;

/**
 * The logic of a server or a client as a single-threaded state machine: inputs arrive with the
 * node's local time (microseconds of its own clock), and what it does goes out through
 * {@link Effects}. The same code runs in a node process and in the simulator.
 */
public interface Role {
  /**
   * How long a client waits for its server before it reports an operation's outcome as
   * unknown. The controller's wait for a client's answer must be longer (NodeCluster derives
   * it from this), or an operation times out at the controller with no outcome at all.
   */
  long CLIENT_OP_TIMEOUT_MICROS = 3_000_000;

  /** One input: a peer's message or the controller's command. */
  void handle(long now, Inbound item);

  /** After a batch of inputs, or when {@link #wakeAt()} came: gossip once for many changes. */
  void afterBatch(long now);

  /** Local time at which {@link #afterBatch} must run even if nothing arrives; MAX_VALUE: never. */
  long wakeAt();

  /**
   * Checks the role's invariants (a server's replica); throws IllegalStateException saying
   * what was expected and what was seen. Cheap enough to run after every batch.
   */
  default void checkInvariants() {}

  /** The role an {@code assign} command names: {@code key} server or client, {@code a} the id. */
  static Role assigned(Msg.Control assign, Effects effects) {
    return assigned(assign, effects, Wire.chunkBytes(Wire.LINE_BYTES_MAX));
  }

  /**
   * The same, for a wire whose lines may be shorter: a server sends logs in chunks of
   * {@code chunkBytes} of writes (see {@link Wire#chunkBytes}).
   */
  static Role assigned(Msg.Control assign, Effects effects, long chunkBytes) {
    return assign.key().equals("server")
        ? new ServerRole(assign.a(), Bug.parseList(assign.value()), effects, chunkBytes)
        : new ClientRole(assign.a(), effects);
  }
}

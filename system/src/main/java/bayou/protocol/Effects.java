package bayou.protocol;

import bayou.wire.Msg;
import java.util.List;
import java.util.Map;

/**
 * Everything a role may do to the world, and the only way it does anything: the node process
 * turns these into socket writes and a halt, the simulator into scheduled deliveries. A role
 * never reads a clock, opens a socket or starts a thread; time comes in with each input.
 */
public interface Effects {
  /** Sends one message; false when the peer cannot be reached (gone, or never known). */
  boolean send(int peer, Msg msg);

  /** The same message to several peers (the node encodes it once). */
  void sendAll(List<Integer> peers, Msg msg);

  /** A message to the controller (the master): replies, digests, operation outcomes. */
  void reply(Msg msg);

  /** Adds nodes to the address book: id -> port (the simulator ignores the ports). */
  void learn(Map<Integer, Integer> addresses);

  /** Drops a node from the address book: sends to it fail from now on. */
  void forget(int peer);

  /** Ends this node, after what was sent so far has been handed over. */
  void stop();

  /**
   * Appends records to this node's stable storage ({@link Durable}); on return they are as
   * durable as the node's fsync policy makes them. A node without storage keeps nothing.
   */
  default void persist(List<Durable.Rec> records) {}

  /**
   * Hands each record on this node's stable storage to {@code each}, oldest first, a torn tail
   * cut off. One at a time: an hour's disk, read whole and then decoded whole, did not fit in a
   * node's heap beside the log it rebuilds.
   */
  default void recover(java.util.function.Consumer<Durable.Rec> each) {}
}

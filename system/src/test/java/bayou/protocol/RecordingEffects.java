package bayou.protocol;

import bayou.wire.Msg;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The world as a role sees it, recorded: every message sent (sendAll as one send per peer),
 * every reply to the controller, the address book's changes, the records saved and a stop.
 * Peers in {@link #down} cannot be reached: a send to them fails and records nothing.
 */
final class RecordingEffects implements Effects {
  /** One message to one peer. */
  record Sent(int peer, Msg msg) {}

  final List<Sent> sent = new ArrayList<>();
  final List<Msg> replies = new ArrayList<>();
  final List<Map<Integer, Integer>> learned = new ArrayList<>();
  final List<Integer> forgotten = new ArrayList<>();
  final Set<Integer> down = new HashSet<>();
  /** The node's stable storage: every record persisted, in order; recover returns them. */
  final List<Durable.Rec> disk = new ArrayList<>();
  boolean stopped;

  @Override
  public boolean send(int peer, Msg msg) {
    if (down.contains(peer)) {
      return false;
    }
    sent.add(new Sent(peer, msg));
    return true;
  }

  @Override
  public void sendAll(List<Integer> peers, Msg msg) {
    peers.forEach(peer -> send(peer, msg));
  }

  @Override
  public void reply(Msg msg) {
    replies.add(msg);
  }

  @Override
  public void learn(Map<Integer, Integer> addresses) {
    learned.add(addresses);
  }

  @Override
  public void forget(int peer) {
    forgotten.add(peer);
  }

  @Override
  public void stop() {
    stopped = true;
  }

  @Override
  public void persist(List<Durable.Rec> records) {
    disk.addAll(records);
  }

  @Override
  public void recover(java.util.function.Consumer<Durable.Rec> each) {
    disk.forEach(each);
  }

  /** What was sent since the last call, then forgotten. */
  List<Sent> takeSent() {
    List<Sent> taken = List.copyOf(sent);
    sent.clear();
    return taken;
  }

  /** What was replied to the controller since the last call, then forgotten. */
  List<Msg> takeReplies() {
    List<Msg> taken = List.copyOf(replies);
    replies.clear();
    return taken;
  }
}

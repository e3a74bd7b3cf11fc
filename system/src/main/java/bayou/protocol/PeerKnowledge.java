package bayou.protocol;

import bayou.wire.Msg;
import java.util.HashMap;
import java.util.Map;

/**
 * What each peer server holds, as far as this server knows: the peer's own last word, raised by
 * what was pushed to it since. The raise is a guess (a push may be dropped by a paused or
 * partitioned peer); pushes carry the guess as their base, so a wrong one is refused and
 * corrected by the peer's answer rather than leaving a gap.
 */
final class PeerKnowledge {
  private final Map<Integer, Msg.Summary> byPeer = new HashMap<>();

  /** The summary last learned or assumed, or null when nothing is known of the peer. */
  Msg.Summary of(int peer) {
    return byPeer.get(peer);
  }

  boolean knows(int peer) {
    return byPeer.containsKey(peer);
  }

  /** The peer said what it holds (a notice, a pull or a push): that replaces any guess. */
  void learn(int peer, Msg.Summary said) {
    byPeer.put(peer, said);
  }

  /** The peer holds at least this once in-flight pushes arrive. */
  void assumeAtLeast(int peer, Msg.Summary atLeast) {
    byPeer.merge(peer, atLeast, PeerKnowledge::max);
  }

  void forget(int peer) {
    byPeer.remove(peer);
  }

  static Msg.Summary max(Msg.Summary a, Msg.Summary b) {
    // usually one already holds the other (a newer word about the same peer): no new map
    if (b.committed() >= a.committed() && holdsAll(b.vv(), a.vv())) {
      return b;
    }
    if (a.committed() >= b.committed() && holdsAll(a.vv(), b.vv())) {
      return a;
    }
    Map<String, Long> vv = new HashMap<>(a.vv());
    b.vv().forEach((name, stamp) -> vv.merge(name, stamp, Math::max));
    return new Msg.Summary(vv, Math.max(a.committed(), b.committed()));
  }

  /** Whether {@code big} lists every entry of {@code small} at least as high. */
  private static boolean holdsAll(Map<String, Long> big, Map<String, Long> small) {
    if (big == small) {
      return true; // one server's summaries share its vector until the vector changes
    }
    if (big.size() < small.size()) {
      return false;
    }
    for (Map.Entry<String, Long> entry : small.entrySet()) {
      Long stamp = big.get(entry.getKey());
      if (stamp == null || stamp < entry.getValue()) {
        return false;
      }
    }
    return true;
  }
}

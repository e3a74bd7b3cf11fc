package bayou.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the parts of a message sent in pieces (a creation's reply, a hand-off) until all have
 * arrived. The network may lose, repeat and reorder them, and the sender repeats the whole set
 * until answered, so parts are kept by index and a repeated one is ignored.
 *
 * @param <K> what names one message: its request, and for a hand-off its sender
 * @param <T> a part
 */
final class Reassembly<K, T> {
  private final Map<K, Map<Integer, T>> pending = new HashMap<>();
  private final Map<K, Integer> expected = new HashMap<>();

  /** All parts in order once {@code part} completes them; null while some are missing. */
  List<T> offer(K key, int part, int parts, T piece) {
    if (parts == 1) {
      return List.of(piece);
    }
    if (!Integer.valueOf(parts).equals(expected.put(key, parts))) {
      pending.remove(key); // a different count names a different message: start again
    }
    Map<Integer, T> held = pending.computeIfAbsent(key, k -> new TreeMap<>());
    held.putIfAbsent(part, piece);
    if (held.size() < parts) {
      return null;
    }
    pending.remove(key);
    expected.remove(key);
    return new ArrayList<>(held.values());
  }
}

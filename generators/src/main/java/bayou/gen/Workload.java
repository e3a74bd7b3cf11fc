package bayou.gen;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Client operations over the key space {@code k0..k<keys-1>}; every put writes a value never
 * written before in the run, so a read names exactly the write it saw.
 */
final class Workload {
  private enum Op { PUT, GET, DELETE }

  private static final String[] KEY_NAMES = IntStream.range(0, 256).mapToObj(i -> "k" + i)
      .toArray(String[]::new);
  private final Map<Op, Integer> weights = new EnumMap<>(Op.class);
  private final int keys;
  private long nextValue;

  Workload(GeneratorOptions options) {
    weights.put(Op.PUT, options.putWeight());
    weights.put(Op.GET, options.getWeight());
    weights.put(Op.DELETE, options.deleteWeight());
    keys = options.keys();
  }

  /** The next op, by a client attached to a live server; null when no client is. */
  Step next(Model model, Dice dice) {
    List<Integer> ready = MoveNemesis.connected(model);
    if (ready.isEmpty()) {
      return null;
    }
    int client = dice.pick(ready);
    String key = key(dice.below(keys));
    Op op = dice.weighted(weights);
    if (isWriter(client) && op == Op.GET) {
      op = Op.PUT;
    } else if (isReader(client) && op != Op.GET) {
      op = Op.GET;
    }
    return switch (op) {
      case PUT -> new Step.Put(client, key, freshValue());
      case GET -> new Step.Get(client, key);
      case DELETE -> new Step.Delete(client, key);
    };
  }

  /**
   * Clients by {@code id % 4}: mixed, writers (only write), readers (only read) and followers
   * (only read, but write after each move). A session that depends on one kind of operation
   * only keeps a broken guarantee of the other kind from hiding behind ERR_DEP or a drop.
   */
  static boolean isWriter(int client) {
    return client % 4 == 1;
  }

  static boolean isReader(int client) {
    return client % 4 == 2 || isFollower(client);
  }

  /** A reader whose session probes end with a write: writes-follow-reads. */
  static boolean isFollower(int client) {
    return client % 4 == 3;
  }

  /** A value never written before in this run. */
  String freshValue() {
    return "v" + nextValue++;
  }

  /** Every key, in order: what the finale reads. */
  List<String> keySpace() {
    return IntStream.range(0, keys).mapToObj(Workload::key).toList();
  }

  /**
   * Key number i. The names of small key spaces are shared instances: every server's database
   * and log match a write's key against the keys it holds, and an identical instance skips
   * comparing the text (each run writes the same few keys tens of thousands of times).
   */
  static String key(int i) {
    return i < KEY_NAMES.length ? KEY_NAMES[i] : "k" + i;
  }
}

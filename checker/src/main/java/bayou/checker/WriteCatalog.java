package bayou.checker;

import bayou.history.WriteId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes clients asked for, indexed three ways: acknowledged writes by their write id, puts by
 * (key, value) and deletes by key. Used to account for every write of a log and every value read.
 */
final class WriteCatalog {
  /** A put's identity for a client that cannot see write ids: its key and value. */
  record KeyValue(String key, String value) {}

  private final Map<WriteId, Op> acknowledged = new HashMap<>();
  /** The first put of each (key, value); values are usually unique, so one Op, not a list. */
  private final Map<KeyValue, Op> firstPut = new HashMap<>();
  /** Every put of a (key, value) that was put more than once. */
  private final Map<KeyValue, List<Op>> repeatedPuts = new HashMap<>();
  private final Map<String, List<Op>> deletes = new HashMap<>();

  static WriteCatalog of(History history) {
    WriteCatalog catalog = new WriteCatalog();
    for (Op op : history.ops()) {
      if (!op.isWrite()) {
        continue;
      }
      if (op.ok() && op.writeId() != null) {
        catalog.acknowledged.put(op.writeId(), op);
      }
      if (op.isPut()) {
        catalog.addPut(op);
      } else {
        catalog.deletes.computeIfAbsent(op.key(), k -> new ArrayList<>(1)).add(op);
      }
    }
    return catalog;
  }

  private void addPut(Op op) {
    KeyValue kv = new KeyValue(op.key(), op.putValue());
    Op first = firstPut.putIfAbsent(kv, op);
    if (first != null) {
      repeatedPuts.computeIfAbsent(kv, k -> new ArrayList<>(List.of(first))).add(op);
    }
  }

  /** Acknowledged (ok) writes by write id. */
  Map<WriteId, Op> acknowledged() {
    return acknowledged;
  }

  /** Every put of this key and value, whatever its outcome; empty when none. */
  List<Op> puts(String key, String value) {
    KeyValue kv = new KeyValue(key, value);
    Op first = firstPut.get(kv);
    if (first == null) {
      return List.of();
    }
    List<Op> repeated = repeatedPuts.get(kv);
    return repeated != null ? repeated : List.of(first);
  }

  /** Every delete of this key, whatever its outcome; empty when none. */
  List<Op> deletes(String key) {
    return deletes.getOrDefault(key, List.of());
  }

  static Op firstWhere(List<Op> ops, java.util.function.Predicate<Op> test) {
    for (Op op : ops) {
      if (test.test(op)) {
        return op;
      }
    }
    return null;
  }
}

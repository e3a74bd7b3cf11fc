package bayou.wire;

import bayou.replica.Names;
import bayou.replica.VectorSnapshot;
import bayou.replica.Write;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks the message records run in their compact constructors, so that a message decoded
 * from a line is whole before any role sees it: a missing field, a negative count, a vector
 * with a name that is not a server's or an unknown operation is rejected where it is decoded,
 * with what was expected and what was seen.
 */
final class Checks {
  static final Set<String> CLIENT_OPS = Set.of("get", "put", "delete");

  private Checks() {}

  static <T> T present(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    return value;
  }

  static long notNegative(long value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be >= 0, got " + value);
    }
    return value;
  }

  /** A version vector: server names to stamps, no nulls. */
  static Map<String, Long> vector(Map<String, Long> vv, String what) {
    present(vv, what);
    if (vv instanceof VectorSnapshot) {
      return vv; // its names were checked as they entered the vector, its stamps are never null
    }
    for (Map.Entry<String, Long> entry : vv.entrySet()) {
      Names.requireValid(entry.getKey());
      present(entry.getValue(), what + "[" + entry.getKey() + "]");
    }
    return vv;
  }

  /** Writes in a log or a batch; committed ones carry a CSN. */
  static List<Write> writes(List<Write> writes, boolean committed, String what) {
    present(writes, what);
    for (Write write : writes) { // a whole log passes here: no message is built unless needed
      if (write == null) {
        throw new IllegalArgumentException("a write in " + what + " is missing");
      }
      if (committed && write.csn() < 1) {
        throw new IllegalArgumentException("a committed write in " + what + " has CSN "
            + write.csn());
      }
    }
    return writes;
  }

  /** An address book: ids >= 0 to TCP ports (or simulated addresses) >= 0. */
  static Map<Integer, Integer> ports(Map<Integer, Integer> ports, String what) {
    present(ports, what);
    ports.forEach((id, port) -> {
      notNegative(present(id, what + " id"), what + " id");
      notNegative(present(port, what + " port"), what + " port");
    });
    return ports;
  }

  /** A client operation: get, put or delete of a key, a put with its value. */
  static void clientOp(String f, String key, String value) {
    if (f == null || !CLIENT_OPS.contains(f)) {
      throw new IllegalArgumentException("a client operation is get, put or delete, not " + f);
    }
    present(key, f + "'s key");
    if (f.equals("put")) {
      present(value, "put's value");
    }
  }

  /** Part {@code part} of a message sent in {@code parts} pieces. */
  static void part(int part, int parts, String what) {
    if (parts < 1 || part < 0 || part >= parts) {
      throw new IllegalArgumentException(what + " is part 0.." + (parts - 1) + " of " + parts
          + ", not part " + part);
    }
  }

  static List<Integer> ids(List<Integer> ids, String what) {
    present(ids, what);
    ids.forEach(id -> present(id, "an id in " + what));
    return ids;
  }
}

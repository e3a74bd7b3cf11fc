package bayou.checker;

/**
 * A write in the causal order that clients can observe, with a vector clock over sessions: clock[o]
 * counts the writes of session o that precede or are this write. A write whose outcome is unknown
 * gets an owner of its own, since its session's later writes need not follow it.
 */
final class CausalWrite {
  final Op op;
  int owner = -1;
  int seq;
  int[] clock;

  CausalWrite(Op op) {
    this.op = op;
  }

  /** Whether this write precedes (or is) other: other's clock has counted it. */
  boolean precedesOrIs(CausalWrite other) {
    return owner < other.clock.length && other.clock[owner] >= seq;
  }

  boolean invoked() {
    return clock != null;
  }
}

package bayou.history;

/** Jepsen's operation types: an invocation, then exactly one completion. */
public enum OpType {
  INVOKE, OK,
  /** Definitely had no effect: a dropped write, an {@code ERR_DEP} read. */
  FAIL,
  /** Unknown outcome, for example a timeout. */
  INFO;

  public String jepsenName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

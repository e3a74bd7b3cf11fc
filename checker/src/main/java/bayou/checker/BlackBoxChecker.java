package bayou.checker;

/**
 * A cross-check that trusts no server metadata (no version vector, write id or readFrom): from
 * session order and the values reads returned, writes are ordered causally, and a read that
 * returns a write causally older than one its session already wrote or read of the same key is
 * stale. It catches what the metadata-based checkers would miss if the metadata lied.
 */
final class BlackBoxChecker implements Checker {
  @Override
  public String name() {
    return "black-box";
  }

  @Override
  public CheckResult check(History history) {
    return CausalCrossCheck.check(history, name());
  }
}

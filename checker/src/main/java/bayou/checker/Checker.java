package bayou.checker;

/**
 * One property of a history, checked (Jepsen's Checker protocol). Implementations are stateless,
 * so one instance may check several histories; they may throw, and {@link Checkers} turns that
 * into an unknown result.
 */
public interface Checker {
  /** A short stable name, used as the key in tables and results.json. */
  String name();

  CheckResult check(History history);
}

package bayou.checker;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One finding of a checker: a kind (for example {@code lost} or {@code read-your-writes}), one or
 * two sentences that name the operations and snapshots proving it, and their event indices.
 *
 * <p>Most kinds make the result invalid, the availability ones too ({@link #UNJUSTIFIED_ERR_DEP},
 * {@link #UNJUSTIFIED_DROP}): a server that refuses what Bayou says it must serve breaks the
 * specification as surely as one that serves a stale value, and one that refuses everything
 * would otherwise pass every safety check. Two kinds do not: {@link #MISSING_DATA} says why a
 * check could not be made (the result is then unknown) and {@link #CHECKER_ERROR} says a checker
 * threw.
 */
public record Violation(String kind, String explanation, List<Long> eventIndices) {
  /** A read refused with ERR_DEP although the server covered the session's vectors. */
  public static final String UNJUSTIFIED_ERR_DEP = "unjustified-err-dep";
  /** A put or delete dropped by a server that covered the session's vectors and was not retiring. */
  public static final String UNJUSTIFIED_DROP = "unjustified-drop";
  /** The history lacks what a check needs; the explanation says what. */
  public static final String MISSING_DATA = "missing-data";
  /** The checker threw; the explanation holds the exception. */
  public static final String CHECKER_ERROR = "checker-error";

  private static final Set<String> NOT_FATAL = Set.of(MISSING_DATA, CHECKER_ERROR);

  public Violation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(explanation, "explanation");
    eventIndices = List.copyOf(eventIndices);
  }

  /** Whether this finding makes a result invalid, rather than saying what could not be checked. */
  public boolean fatal() {
    return !NOT_FATAL.contains(kind);
  }
}

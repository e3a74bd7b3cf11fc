package bayou.checker;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One finding of a checker: a kind (for example {@code lost} or {@code read-your-writes}), one or
 * two sentences that name the operations and snapshots proving it, and their event indices.
 *
 * <p>Most kinds make the result invalid. A few do not, because they are not safety violations:
 * {@link #UNJUSTIFIED_ERR_DEP} is an availability finding, {@link #MISSING_DATA} says why a check
 * could not be made (the result is then unknown) and {@link #CHECKER_ERROR} says a checker threw.
 */
public record Violation(String kind, String explanation, List<Long> eventIndices) {
  /** A read refused with ERR_DEP although the server covered the session's vectors. */
  public static final String UNJUSTIFIED_ERR_DEP = "unjustified-err-dep";
  /** The history lacks what a check needs; the explanation says what. */
  public static final String MISSING_DATA = "missing-data";
  /** The checker threw; the explanation holds the exception. */
  public static final String CHECKER_ERROR = "checker-error";

  private static final Set<String> NOT_FATAL = Set.of(UNJUSTIFIED_ERR_DEP, MISSING_DATA,
      CHECKER_ERROR);

  public Violation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(explanation, "explanation");
    eventIndices = List.copyOf(eventIndices);
  }

  /** Whether this finding makes a result invalid (safety) rather than a note or availability. */
  public boolean fatal() {
    return !NOT_FATAL.contains(kind);
  }
}

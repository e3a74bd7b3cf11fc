package bayou.checker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one checker concluded about a history: its verdict, counts (of what it checked and of each
 * kind of violation, all of them) and the first violations, explained.
 */
public record CheckResult(
    String checker, Validity validity, Map<String, Long> counts, List<Violation> violations) {
  public CheckResult {
    Objects.requireNonNull(checker, "checker");
    Objects.requireNonNull(validity, "validity");
    // Insertion order is kept so that tables and JSON list counts as the checker produced them.
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    violations = List.copyOf(violations);
  }

  /** An unknown result that says why: a checker without the data it needs, or one that threw. */
  public static CheckResult unknown(String checker, String kind, String reason) {
    return new CheckResult(checker, Validity.UNKNOWN, Map.of(),
        List.of(new Violation(kind, reason, List.of())));
  }

  /** The merged verdict of several results: invalid > unknown > valid; valid when empty. */
  public static Validity merge(List<CheckResult> results) {
    Validity merged = Validity.VALID;
    for (CheckResult result : results) {
      merged = merged.merge(result.validity());
    }
    return merged;
  }
}

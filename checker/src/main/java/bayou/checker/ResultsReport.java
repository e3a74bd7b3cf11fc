package bayou.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Check results as a plain-text summary (a few explanations, then a table) and as JSON values. */
final class ResultsReport {
  private static final int NAME_WIDTH = 16;
  private static final int VERDICT_WIDTH = 9;
  /** Explanations printed per checker; results.json holds every one the checker kept. */
  static final int EXPLAINED_MAX = 3;

  private ResultsReport() {}

  /**
   * At most {@link #EXPLAINED_MAX} explanations per checker with how many there are and where
   * the rest are, then one row per checker (name, verdict, counts) last, so that the verdict is
   * what stays on the screen.
   */
  static String summary(List<CheckResult> results, String resultsFile) {
    StringBuilder text = new StringBuilder();
    for (CheckResult result : results) {
      explain(text, result, resultsFile);
    }
    text.append(pad("checker", NAME_WIDTH)).append(pad("verdict", VERDICT_WIDTH))
        .append("counts\n");
    for (CheckResult result : results) {
      text.append(pad(result.checker(), NAME_WIDTH))
          .append(pad(word(result.validity()), VERDICT_WIDTH))
          .append(counts(result.counts())).append('\n');
    }
    text.append("overall: ").append(word(CheckResult.merge(results))).append('\n');
    return text.toString();
  }

  private static void explain(StringBuilder text, CheckResult result, String resultsFile) {
    List<Violation> kept = result.violations();
    int shown = Math.min(EXPLAINED_MAX, kept.size());
    for (Violation violation : kept.subList(0, shown)) {
      text.append(result.checker()).append(" / ").append(violation.kind())
          .append(violation.eventIndices().isEmpty() ? "" : " " + violation.eventIndices())
          .append(":\n  ").append(violation.explanation()).append("\n\n");
    }
    long total = total(result);
    if (total > shown) {
      text.append(result.checker()).append(": ").append(shown).append(" of ").append(total)
          .append(" findings shown; ").append(kept.size() == total ? "all " + total
              : "the first " + kept.size() + " (a checker keeps no more)")
          .append(" are in ").append(resultsFile).append(", events by number in history.txt")
          .append("\n\n");
    }
  }

  /** All findings of the kinds kept, counted (the checker counts every one, keeps a few). */
  private static long total(CheckResult result) {
    Set<String> kinds = new LinkedHashSet<>();
    result.violations().forEach(v -> kinds.add(v.kind()));
    long total = 0;
    for (String kind : kinds) {
      total += result.counts().getOrDefault(kind, 0L);
    }
    return Math.max(total, result.violations().size());
  }

  /** {"valid": v, "checkers": {name: {"valid", "counts", "violations"}}}, Jepsen's valid values. */
  static Map<String, Object> toJson(List<CheckResult> results) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("valid", CheckResult.merge(results).jepsenValue());
    json.put("checkers", checkersJson(results));
    return json;
  }

  static Map<String, Object> checkersJson(List<CheckResult> results) {
    Map<String, Object> checkers = new LinkedHashMap<>();
    for (CheckResult result : results) {
      checkers.put(result.checker(), toJson(result));
    }
    return checkers;
  }

  static Map<String, Object> toJson(CheckResult result) {
    List<Object> violations = new ArrayList<>();
    for (Violation violation : result.violations()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("kind", violation.kind());
      one.put("explanation", violation.explanation());
      one.put("events", violation.eventIndices());
      violations.add(one);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("valid", result.validity().jepsenValue());
    json.put("counts", result.counts());
    json.put("violations", violations);
    return json;
  }

  private static String word(Validity validity) {
    return validity.name().toLowerCase(Locale.ROOT);
  }

  private static String counts(Map<String, Long> counts) {
    StringBuilder text = new StringBuilder();
    counts.forEach((name, count) -> {
      text.append(text.length() == 0 ? "" : ", ").append(name).append('=').append(count);
    });
    return text.toString();
  }

  private static String pad(String text, int width) {
    StringBuilder padded = new StringBuilder(text);
    do {
      padded.append(' ');
    } while (padded.length() < width);
    return padded.toString();
  }
}

package bayou.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Check results as a plain-text summary (a table, then the explanations) and as JSON values. */
final class ResultsReport {
  private static final int NAME_WIDTH = 16;
  private static final int VERDICT_WIDTH = 9;

  private ResultsReport() {}

  /** One row per checker (name, verdict, counts), then every kept violation, explained. */
  static String summary(List<CheckResult> results) {
    StringBuilder text = new StringBuilder();
    text.append(pad("checker", NAME_WIDTH)).append(pad("verdict", VERDICT_WIDTH))
        .append("counts\n");
    for (CheckResult result : results) {
      text.append(pad(result.checker(), NAME_WIDTH))
          .append(pad(word(result.validity()), VERDICT_WIDTH))
          .append(counts(result.counts())).append('\n');
    }
    text.append("overall: ").append(word(CheckResult.merge(results))).append('\n');
    for (CheckResult result : results) {
      for (Violation violation : result.violations()) {
        text.append('\n').append(result.checker()).append(" / ").append(violation.kind())
            .append(violation.eventIndices().isEmpty() ? "" : " " + violation.eventIndices())
            .append(":\n  ").append(violation.explanation()).append('\n');
      }
    }
    return text.toString();
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

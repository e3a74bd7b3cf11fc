package bayou.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what one checker found: counts of everything checked and of every violation, and the
 * first few violations of each class, so that a history with a million bad reads still yields a
 * small, readable result.
 */
final class Findings {
  /** Safety violations kept with their explanation; the rest are only counted. */
  static final int FATAL_KEPT_MAX = 20;
  /** Availability findings and notes kept, apart so they never crowd out safety violations. */
  static final int NOTES_KEPT_MAX = 5;

  private final String checker;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final List<Violation> fatal = new ArrayList<>();
  private final List<Violation> notes = new ArrayList<>();
  private boolean invalid;
  private boolean unknown;

  Findings(String checker) {
    this.checker = checker;
  }

  void count(String what) {
    add(what, 1);
  }

  void add(String what, long howMany) {
    counts.merge(what, howMany, Long::sum);
  }

  void set(String what, long value) {
    counts.put(what, value);
  }

  /** A safety violation: the result becomes invalid. */
  void violation(String kind, String explanation, long... events) {
    record(new Violation(kind, explanation, boxed(events)));
  }

  /** The check could not be made in full; the result is at best unknown. */
  /**
   * The history's snapshots, counted; or null, with the missing data noted, when it has none
   * (the checkers that judge logs cannot say anything then).
   */
  java.util.List<bayou.history.SnapshotEvent> snapshotsOf(History history) {
    java.util.List<bayou.history.SnapshotEvent> snapshots = history.snapshots();
    if (snapshots.isEmpty()) {
      missingData("the history holds no log snapshots");
      return null;
    }
    set("snapshots", snapshots.size());
    return snapshots;
  }

  void missingData(String reason) {
    unknown = true;
    record(new Violation(Violation.MISSING_DATA, reason, List.of()));
  }

  CheckResult result() {
    List<Violation> kept = new ArrayList<>(fatal);
    kept.addAll(notes);
    Validity validity = invalid ? Validity.INVALID : unknown ? Validity.UNKNOWN : Validity.VALID;
    return new CheckResult(checker, validity, counts, kept);
  }

  private void record(Violation violation) {
    count(violation.kind());
    List<Violation> list = violation.fatal() ? fatal : notes;
    int max = violation.fatal() ? FATAL_KEPT_MAX : NOTES_KEPT_MAX;
    invalid |= violation.fatal();
    if (list.size() < max) {
      list.add(capitalized(violation));
    }
  }

  /** Explanations are sentences; the words for a snapshot or an operation start lower case. */
  private static Violation capitalized(Violation violation) {
    String text = violation.explanation();
    if (text.isEmpty() || Character.isUpperCase(text.charAt(0))) {
      return violation;
    }
    return new Violation(violation.kind(), Character.toUpperCase(text.charAt(0))
        + text.substring(1), violation.eventIndices());
  }

  private static List<Long> boxed(long[] events) {
    List<Long> list = new ArrayList<>(events.length);
    for (long event : events) {
      list.add(event);
    }
    return list;
  }
}

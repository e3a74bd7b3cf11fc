package bayou.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

/** Assertions over a whole check result. */
final class Expect {
  private Expect() {}

  static void valid(CheckResult result) {
    assertEquals(Validity.VALID, result.validity(), () -> describe(result));
    assertEquals(List.of(), result.violations(), () -> describe(result));
  }

  /** Invalid, every kept violation of this one kind, the first naming exactly these events. */
  static void invalid(CheckResult result, String kind, Long... firstEvents) {
    assertEquals(Validity.INVALID, result.validity(), () -> describe(result));
    assertEquals(List.of(kind), kinds(result), () -> describe(result));
    assertEquals(List.of(firstEvents), result.violations().get(0).eventIndices(),
        () -> describe(result));
  }

  static void unknown(CheckResult result, String kind) {
    assertEquals(Validity.UNKNOWN, result.validity(), () -> describe(result));
    assertEquals(List.of(kind), kinds(result), () -> describe(result));
  }

  /** The distinct kinds of the kept violations, in order. */
  static List<String> kinds(CheckResult result) {
    return result.violations().stream().map(Violation::kind).distinct()
        .collect(Collectors.toList());
  }

  static String describe(CheckResult result) {
    return CheckRun.summary(List.of(result));
  }
}

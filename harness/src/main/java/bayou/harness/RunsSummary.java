package bayou.harness;

import bayou.checker.CheckResult;
import bayou.checker.Validity;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The table printed after {@code --runs N}: one row per run (seed, verdict, ops, faults, the
 * checkers that failed, size, directory) under a count of each verdict, so that a sweep's outcome
 * does not have to be gathered from N scrolled-away reports. Any list of results will do, from
 * real processes or a simulator.
 */
public final class RunsSummary {
  private RunsSummary() {}

  public static String table(List<CampaignResult> results) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%d runs: %d valid, %d invalid, %d unknown%n",
        results.size(), count(results, Validity.VALID), count(results, Validity.INVALID),
        count(results, Validity.UNKNOWN)));
    text.append(String.format(Locale.ROOT, "%-20s %-8s %8s %7s  %-24s %9s  %s%n", "seed",
        "verdict", "ops", "faults", "failed checkers", "size", "run"));
    for (CampaignResult r : results) {
      text.append(String.format(Locale.ROOT, "%-20d %-8s %8d %7d  %-24s %9s  %s%n", r.seed(),
          r.validity().name().toLowerCase(Locale.ROOT), r.ops(), r.faults(), failed(r),
          DiskUsage.words(DiskUsage.bytes(r.runDir())), r.runDir()));
    }
    return text.toString();
  }

  private static long count(List<CampaignResult> results, Validity validity) {
    return results.stream().filter(r -> r.validity() == validity).count();
  }

  private static String failed(CampaignResult result) {
    String names = result.results().stream().filter(c -> c.validity() != Validity.VALID)
        .map(CheckResult::checker).collect(Collectors.joining(","));
    return names.isEmpty() ? "-" : names;
  }
}

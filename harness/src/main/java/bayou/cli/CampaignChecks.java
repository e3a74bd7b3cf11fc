package bayou.cli;

/**
 * Checks {@code bayou campaign}'s options before anything is built, so that a bad value is
 * reported with the option's name and unit ({@code --time-limit must be > 0 s, got -5}) rather
 * than with an internal field name or a Java type.
 */
final class CampaignChecks {
  private CampaignChecks() {}

  /** The first problem with the options, or null when there is none. */
  static String problem(CampaignCommand c) {
    String problem = atLeast("--time-limit", c.timeLimit, 1, " s");
    problem = problem != null ? problem : atLeast("--ops", c.ops, 0, "");
    problem = problem != null ? problem : atLeast("--servers", c.servers, 1, "");
    problem = problem != null ? problem : atLeast("--clients", c.clients, 1, "");
    problem = problem != null ? problem : atLeast("--concurrency", c.concurrency, 1, "");
    problem = problem != null ? problem : atLeast("--keys", c.keys, 1, "");
    problem = problem != null ? problem : atLeast("--runs", c.runs, 1, "");
    problem = problem != null ? problem : atLeast("--shrink-time", c.shrinkTime, 0, " s");
    if (problem == null && !(c.faultProbability >= 0 && c.faultProbability <= 1)) {
      problem = "--fault-probability must be between 0 and 1, got " + c.faultProbability;
    }
    if (problem == null && c.minServers != null
        && (c.minServers < 1 || c.minServers > c.servers)) {
      problem = "--min-servers must be between 1 and --servers (" + c.servers + "), got "
          + c.minServers;
    }
    return problem;
  }

  private static String atLeast(String option, long value, long min, String unit) {
    if (value >= min) {
      return null;
    }
    return option + " must be " + (min == 1 ? "> 0" : ">= " + min) + unit + ", got " + value
        + unit;
  }
}

package bayou.checker;

import bayou.history.HistoryReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code bayou check DIR}: reads a run's history, runs every checker, prints a summary on stdout
 * (errors on stderr) and merges the verdicts into {@code DIR/results.json}, keeping every field a
 * campaign wrote there. The exit code is the verdict: 0 valid, 1 invalid, 2 unknown (also when the
 * history cannot be read), 254 bad arguments.
 */
public final class CheckRun {
  public static final String RESULTS_FILE = "results.json";
  public static final int EXIT_BAD_ARGUMENTS = 254;

  private CheckRun() {}

  /** Checks the history in runDir; prints to out, errors to stderr; returns the exit code. */
  public static int run(Path runDir, PrintStream out) {
    return run(runDir, out, System.err);
  }

  /** Checks the history in runDir; results to out, a bad input as one line on err. */
  public static int run(Path runDir, PrintStream out, PrintStream err) {
    if (!Files.isDirectory(runDir)) {
      err.println("bayou check: " + runDir + " is not a directory (expected a run directory)");
      return EXIT_BAD_ARGUMENTS;
    }
    History.Builder builder = History.builder();
    try {
      HistoryReader.forEach(runDir, builder::add);
    } catch (IllegalArgumentException e) {
      err.println("bayou check: " + e.getMessage()); // it names the directory already
      return EXIT_BAD_ARGUMENTS;
    } catch (RuntimeException e) {
      // A history that cannot be read in full cannot be judged: unknown, and saying why.
      List<CheckResult> unreadable = List.of(CheckResult.unknown("history",
          Violation.CHECKER_ERROR, "cannot read the history in " + runDir + ": " + e));
      return report(unreadable, runDir, out, err);
    }
    return report(Checkers.checkAllInParallel(builder.build()), runDir, out, err);
  }

  /** Prints the summary, merges into runDir/results.json and returns the verdict's exit code. */
  static int report(List<CheckResult> results, Path runDir, PrintStream out, PrintStream err) {
    Path file = runDir.resolve(RESULTS_FILE);
    try {
      Path written = ResultsJson.merge(file, results);
      out.print(ResultsReport.summary(results, written.toString()));
      if (!written.equals(file)) {
        err.println("bayou check: " + file + " is not readable JSON; left it as it was and "
            + "wrote " + written);
      }
    } catch (IOException e) {
      out.print(summary(results));
      err.println("bayou check: cannot write " + file + ": " + e.getMessage());
      return Validity.UNKNOWN.merge(CheckResult.merge(results)).exitCode();
    }
    return CheckResult.merge(results).exitCode();
  }

  /** A few explanations per checker, then the verdict table (checker, verdict, counts). */
  public static String summary(List<CheckResult> results) {
    return ResultsReport.summary(results, RESULTS_FILE);
  }

  /** As {@link #summary(List)}, naming the results file that holds every kept explanation. */
  public static String summary(List<CheckResult> results, Path resultsFile) {
    return ResultsReport.summary(results, resultsFile.toString());
  }

  /**
   * The results as JSON-ready values, for a campaign runner to merge into its own results:
   * {@code {"valid": true|false|"unknown", "checkers": {name: {valid, counts, violations}}}}.
   */
  public static Map<String, Object> toJson(List<CheckResult> results) {
    return ResultsReport.toJson(results);
  }

  /** Only the per-checker part of {@link #toJson}: {@code {name: {valid, counts, violations}}}. */
  public static Map<String, Object> checkersJson(List<CheckResult> results) {
    return ResultsReport.checkersJson(results);
  }

  /** Merges {@link #toJson} into a results file, keeping its other fields (pretty-printed). */
  public static void writeJson(Path file, List<CheckResult> results) throws IOException {
    ResultsJson.merge(file, results);
  }

  /** {@code CheckRun DIR}: checks one run directory and exits with the verdict's code. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: bayou check DIR");
      System.exit(EXIT_BAD_ARGUMENTS);
    }
    System.exit(run(Path.of(args[0]), System.out, System.err));
  }
}

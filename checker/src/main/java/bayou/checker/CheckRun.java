package bayou.checker;

import bayou.history.HistoryReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code bayou check DIR}: reads a run's history, runs every checker, prints a summary on stdout
 * and writes {@code DIR/results.json}. The exit code is the verdict: 0 valid, 1 invalid, 2
 * unknown (also when the history cannot be read), 254 bad arguments.
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
      err.println(("bayou check: no history in " + runDir + ": " + e.getMessage())
          .replaceAll("[\\r\\n]+", " "));
      return EXIT_BAD_ARGUMENTS;
    } catch (RuntimeException e) {
      // A history that cannot be read in full cannot be judged: unknown, and saying why.
      List<CheckResult> unreadable = List.of(CheckResult.unknown("history",
          Violation.CHECKER_ERROR, "cannot read the history in " + runDir + ": " + e));
      return report(unreadable, runDir, out);
    }
    return report(Checkers.checkAll(builder.build()), runDir, out);
  }

  /** Prints the summary, writes runDir/results.json and returns the verdict's exit code. */
  static int report(List<CheckResult> results, Path runDir, PrintStream out) {
    out.print(summary(results));
    Path file = runDir.resolve(RESULTS_FILE);
    try {
      writeJson(file, results);
    } catch (IOException e) {
      out.println("bayou check: cannot write " + file + ": " + e.getMessage());
      return Validity.UNKNOWN.merge(CheckResult.merge(results)).exitCode();
    }
    return CheckResult.merge(results).exitCode();
  }

  /** A summary table (checker, verdict, counts) followed by every kept violation, explained. */
  public static String summary(List<CheckResult> results) {
    return ResultsReport.summary(results);
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

  /** Writes {@link #toJson} to a file, pretty-printed. */
  public static void writeJson(Path file, List<CheckResult> results) throws IOException {
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), toJson(results));
  }

  /** {@code CheckRun DIR}: checks one run directory and exits with the verdict's code. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.out.println("usage: bayou check DIR");
      System.exit(EXIT_BAD_ARGUMENTS);
    }
    System.exit(run(Path.of(args[0]), System.out));
  }
}

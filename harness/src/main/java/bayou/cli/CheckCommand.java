package bayou.cli;

import bayou.checker.CheckRun;
import bayou.report.RunReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Runs every checker over a recorded history. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Checks a recorded run: stable prefixes, tentative order, convergence, "
        + "session guarantees, retirement, and a black-box causal cross-check.",
        "Prints a table, writes DIR/results.json and the pictures (DIR/report.html); "
            + "exit 0 valid, 1 invalid, 2 unknown, 254 bad arguments."})
final class CheckCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "A run directory recorded with --history.")
  Path dir;

  @Override
  public Integer call() {
    int code = CheckRun.run(dir, System.out);
    if (code != CheckRun.EXIT_BAD_ARGUMENTS) {
      RunReport.writeQuietly(dir, System.err); // the pictures follow the new verdict
    }
    return code;
  }
}

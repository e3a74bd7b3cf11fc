package bayou.cli;

import bayou.checker.CheckRun;
import bayou.report.RunReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Runs every checker over a recorded history. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Checks a recorded run: stable prefixes, tentative order, convergence, "
        + "session guarantees, retirement, and a black-box causal cross-check.",
        "Prints a few explanations and a verdict table; merges the verdicts into "
            + "DIR/results.json, keeping what a campaign recorded there, and writes the "
            + "pictures (DIR/report.html).",
        "Exit 0 valid, 1 invalid, 2 unknown, 254 bad arguments."})
final class CheckCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "A run directory recorded with --history.")
  Path dir;

  @Override
  public Integer call() {
    ByteArrayOutputStream summary = new ByteArrayOutputStream();
    int code;
    try (LiveLine line = new LiveLine(System.err, "checking " + dir, 0)) {
      code = CheckRun.run(dir, new PrintStream(summary, true, StandardCharsets.UTF_8),
          System.err);
      if (code != CheckRun.EXIT_BAD_ARGUMENTS) { // the pictures follow the new verdict
        line.print(() -> RunReport.writeQuietly(dir, System.err));
      }
    }
    System.out.print(summary.toString(StandardCharsets.UTF_8));
    return code;
  }
}

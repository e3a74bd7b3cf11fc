package bayou.cli;

import bayou.checker.CheckRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Runs every checker over a recorded history. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Checks a recorded run: stable prefixes, tentative order, convergence, "
        + "session guarantees, retirement, and a black-box causal cross-check.",
        "Prints a few explanations and a verdict table; merges the verdicts into "
            + "DIR/results.json, keeping what a campaign recorded there.",
        "Exit 0 valid, 1 invalid, 2 unknown, 254 bad arguments."})
final class CheckCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "A run directory recorded with --history.")
  Path dir;

  @Override
  public Integer call() {
    return CheckRun.run(dir, System.out, System.err);
  }
}

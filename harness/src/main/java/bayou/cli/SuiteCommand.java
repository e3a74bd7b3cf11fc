package bayou.cli;

import bayou.checker.CheckRun;
import bayou.cluster.NodePool;
import bayou.master.Suite;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Regression of course-format cases. */
@Command(name = "suite", mixinStandardHelpOptions = true,
    description = {"Runs every DIR/tests/NAME.test through the master and compares stdout with "
        + "DIR/solutions/NAME.sol.",
        "Prints one row per case, then 'N passed, M failed'; exits 1 on any failure."})
final class SuiteCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "A suite directory with tests/ and solutions/.")
  Path dir;

  @Option(names = "--strict", description = "Compare exactly (default: the course grader's "
      + "rule, exact or else the same set of stripped lines).")
  boolean strict;

  @Option(names = "--only", paramLabel = "NAME", split = ",",
      description = "Run only these cases.")
  List<String> only;

  @Option(names = "--repeat", defaultValue = "1", description = "Run the suite N times.")
  int repeat;

  @Option(names = "--history", paramLabel = "DIR", description = "Record each case to "
      + "DIR/NAME (a Chronicle Queue history, ending with a heal, a stabilize and snapshots).")
  Path history;

  @Option(names = "--check", description = "With --history: check each recorded case; a case "
      + "passes only if its output matches and its history is valid.")
  boolean check;

  @Option(names = "--sim", description = "Run the cases in the deterministic simulator (one "
      + "process, virtual time, a reliable network and synchronized clocks) instead of as real "
      + "processes.")
  boolean sim;

  @Option(names = "--seed", defaultValue = "1", description = "With --sim: the simulator's "
      + "seed (default ${DEFAULT-VALUE}).")
  long seed;

  @picocli.CommandLine.Mixin
  NetMixin net = new NetMixin();

  @Option(names = {"-v", "--verbose"}, description = "Show the diff and stderr of failures.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dir)) {
      System.err.println("bayou suite: no such directory: " + dir);
      return Main.BAD_ARGUMENTS;
    }
    try {
      net.namespaces(sim);
    } catch (IllegalArgumentException e) {
      System.err.println("bayou suite: " + e.getMessage());
      return Main.BAD_ARGUMENTS;
    }
    List<String> names = only != null ? only : Suite.caseNames(dir);
    Suite.Rule rule = strict ? Suite.Rule.STRICT : Suite.Rule.GRADER;
    int passed = 0;
    int failed = 0;
    long start = System.nanoTime();
    try (NodePool pool = sim ? null : net.pool(6, NodePool.defaultNodeJvmArgs());
        LiveLine line = new LiveLine(System.err, "suite", (long) names.size() * repeat)) {
      Suite suite = sim ? Suite.simulated("", seed) : new Suite(pool, "");
      suite.plan(dir, names);
      for (int round = 0; round < repeat; round++) {
        for (String name : names) {
          Path caseHistory = history == null ? null
              : history.resolve(repeat > 1 ? name + "-" + round : name);
          line.running("suite: " + name, passed + failed);
          Suite.Result result = suite.run(dir, name, rule, caseHistory);
          String verdict = check && caseHistory != null ? verdict(caseHistory) : "";
          boolean ok = result.passed() && (verdict.isEmpty() || verdict.equals("valid"));
          line.print(() -> System.out.printf("%-4s %-40s %6.2f s %s%n", ok ? "PASS" : "FAIL",
              name, result.seconds(), verdict));
          if (ok) {
            passed++;
          } else {
            failed++;
            if (verbose) {
              line.print(() -> System.out.println("  expected:\n" + indent(result.expected())
                  + "  actual:\n" + indent(result.actual()) + "  stderr:\n"
                  + indent(result.stderr())));
            }
          }
          System.out.flush();
        }
      }
    }
    System.out.printf("total %.2f s%n", (System.nanoTime() - start) / 1e9);
    System.out.println(passed + " passed, " + failed + " failed");
    return failed == 0 ? 0 : 1;
  }

  /** The checkers' overall verdict on a recorded case; results.json is written beside it. */
  private static String verdict(Path runDir) {
    PrintStream none = new PrintStream(OutputStream.nullOutputStream());
    int code = CheckRun.run(runDir, none, none);
    return switch (code) {
      case 0 -> "valid";
      case 1 -> "invalid";
      default -> "unknown";
    };
  }

  private static String indent(String text) {
    return text == null ? "    (none)\n" : text.indent(4);
  }
}

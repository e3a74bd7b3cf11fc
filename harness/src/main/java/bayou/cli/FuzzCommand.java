package bayou.cli;

import bayou.fuzz.FuzzReport;
import bayou.fuzz.Fuzzer;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bayou fuzz TARGET}: one seeded, bounded fuzz run; exit 0 when it found nothing. */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
    description = {"Seeded, bounded fuzzing of one target: master (stdin), wire (node ports, "
        + "real sockets), sim (forged protocol messages in the simulator), history (damaged "
        + "history files).",
        "Prints one line of counts (cases, hangs, crashes, orphans); exit 0 clean, 1 when "
            + "anything was found, 254 bad arguments."})
final class FuzzCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TARGET", description = "master, wire, sim or history.")
  String target;

  @Option(names = "--seed", description = "Seed (default: random, printed).")
  Long seed;

  @Option(names = "--cases", defaultValue = "100",
      description = "Cases to try (default ${DEFAULT-VALUE}).")
  int cases;

  @Override
  public Integer call() throws Exception {
    Map<String, Fuzzer> all = Fuzzer.all();
    Fuzzer fuzzer = all.get(target);
    if (fuzzer == null || cases < 1) {
      System.err.println("bayou fuzz: " + (fuzzer == null ? "unknown target '" + target
          + "' (" + String.join(", ", all.keySet()) + ")" : "--cases must be >= 1"));
      return Main.BAD_ARGUMENTS;
    }
    long chosen = seed != null ? seed : new java.util.SplittableRandom().nextLong(1, 1L << 40);
    System.err.println("bayou fuzz " + target + ": seed " + chosen + ", " + cases + " cases");
    FuzzReport report = fuzzer.run(chosen, cases, System.err);
    System.out.println(report.summary());
    for (String example : report.examples()) {
      System.out.println("  " + example);
    }
    if (!report.clean()) {
      System.out.println("repeat: " + report.repeat());
    }
    return report.clean() ? 0 : 1;
  }
}

package bayou.gen;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a generated schedule as a course script, for a human to read or the master to replay:
 * {@code ScheduleMain [--seed N] [--steps N] [--servers N] [--clients N] [--keys N]
 * [--nemesis partition,pause,...] [--fault-probability P]}. The seed and options go to stderr.
 */
public final class ScheduleMain {
  static final int DEFAULT_STEPS = 100;

  private ScheduleMain() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs with the given streams; returns the exit code (0 ok, 2 bad arguments). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    long seed = System.nanoTime();
    int steps = DEFAULT_STEPS;
    GeneratorOptions.Builder options = GeneratorOptions.builder();
    try {
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--help") || flag.equals("-h")) {
          out.print(usage());
          return 0;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        String value = args[++i];
        switch (flag) {
          case "--seed" -> seed = Long.parseLong(value);
          case "--steps" -> steps = Integer.parseInt(value);
          case "--servers" -> options.servers(Integer.parseInt(value));
          case "--clients" -> options.clients(Integer.parseInt(value));
          case "--keys" -> options.keys(Integer.parseInt(value));
          case "--nemesis" -> options.nemesis(FaultKind.parseList(value));
          case "--fault-probability" -> options.faultProbability(Double.parseDouble(value));
          default -> throw new IllegalArgumentException("unknown option " + flag);
        }
      }
      if (steps < 0) {
        throw new IllegalArgumentException("--steps must be >= 0, got " + steps);
      }
      GeneratorOptions built = options.build();
      err.println("seed " + seed + " " + built);
      out.print(Script.render(schedule(built, seed, steps)));
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.print(usage());
      return 2;
    }
  }

  /** The opening, {@code steps} generated steps, and the finale. */
  static List<Step> schedule(GeneratorOptions options, long seed, int steps) {
    ScheduleGenerator gen = new ScheduleGenerator(options, seed);
    List<Step> all = new ArrayList<>(gen.setup());
    for (int i = 0; i < steps; i++) {
      all.add(gen.next());
    }
    all.addAll(gen.finale());
    return all;
  }

  private static String usage() {
    return """
        usage: ScheduleMain [--seed N] [--steps N] [--servers N] [--clients N] [--keys N]
                            [--nemesis partition,pause,retire,join,move|all|none]
                            [--fault-probability P]
        Prints the opening, N generated steps (default 100) and the finale as a course script.
        """;
  }
}

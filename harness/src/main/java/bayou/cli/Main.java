package bayou.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/bayou}: the course master, suites, histories, checkers and fault campaigns. */
@Command(name = "bayou", mixinStandardHelpOptions = true, version = "bayou 0.1.0",
    description = "Bayou, a weakly consistent replicated store, and a Jepsen-style harness.",
    subcommands = {CampaignCommand.class, MasterCommand.class, SuiteCommand.class,
        HistoryCommand.class, BenchCommand.class, FuzzCommand.class,
        CheckCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  /** Exit code for bad arguments (picocli's usage errors). */
  static final int BAD_ARGUMENTS = 254;

  public static void main(String[] args) {
    CommandLine line = new CommandLine(new Main());
    line.setParameterExceptionHandler((e, argv) -> {
      System.err.println("bayou: " + e.getMessage());
      System.err.println("Try 'bayou " + e.getCommandLine().getCommandName()
          + " --help' for more.");
      return BAD_ARGUMENTS;
    });
    line.setExecutionExceptionHandler((e, command, parsed) -> {
      System.err.println("bayou " + command.getCommandName() + ": " + e.getMessage());
      if (Boolean.getBoolean("bayou.debug")) {
        e.printStackTrace();
      }
      return e instanceof IllegalArgumentException ? BAD_ARGUMENTS : 1;
    });
    int code = line.execute(args);
    System.exit(code);
  }
}

package bayou.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/bayou}: the course master, suites, histories, checkers and fault campaigns. */
@Command(name = "bayou", mixinStandardHelpOptions = true, version = "bayou 0.1.0",
    description = "Bayou, a weakly consistent replicated store, and a Jepsen-style harness.",
    subcommands = {CampaignCommand.class, MasterCommand.class, SuiteCommand.class,
        HistoryCommand.class, BenchCommand.class, FuzzCommand.class,
        CheckCommand.class, StoreCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  /** Exit code for bad arguments (picocli's usage errors). */
  static final int BAD_ARGUMENTS = 254;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with its error handlers, for main and for tests (which must not exit). */
  static CommandLine commandLine() {
    CommandLine line = new CommandLine(new Main());
    line.setParameterExceptionHandler((e, argv) -> {
      System.err.println("bayou: " + e.getMessage());
      // the qualified name is "bayou" at the top and "bayou campaign" below it
      System.err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
          + " --help' for more.");
      return BAD_ARGUMENTS;
    });
    line.setExecutionExceptionHandler((e, command, parsed) -> {
      System.err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
      if (Boolean.getBoolean("bayou.debug")) {
        e.printStackTrace();
      }
      return e instanceof IllegalArgumentException ? BAD_ARGUMENTS : 1;
    });
    return line;
  }
}

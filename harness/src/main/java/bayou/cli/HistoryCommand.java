package bayou.cli;

import bayou.history.HistoryJson;
import bayou.history.HistoryText;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Reading recorded histories: show, export, import, stats. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Read, export and import recorded run histories (Chronicle Queue).",
    subcommands = {HistoryCommand.Show.class, HistoryCommand.Export.class,
        HistoryCommand.Import.class, HistoryCommand.Stats.class})
final class HistoryCommand {
  /**
   * Runs an action and turns a bad directory or file into a one-line error and exit 254:
   * whatever a damaged input makes the reader throw (a truncated or foreign queue can make
   * Chronicle fail with an Error), the user gets one line, never a stack trace.
   */
  static int guarded(Callable<Integer> action) {
    try {
      return action.call();
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      return badInput(e.getMessage());
    } catch (Exception | InternalError | AssertionError e) {
      return badInput("cannot read the input: " + e);
    }
  }

  private static int badInput(String message) {
    System.err.println(("bayou history: " + message).replaceAll("[\\r\\n]+", " "));
    return Main.BAD_ARGUMENTS;
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "A table of every event, like Jepsen's history.txt.")
  static final class Show implements Callable<Integer> {
    @Parameters(paramLabel = "DIR") Path dir;

    @Override
    public Integer call() {
      return guarded(() -> {
        HistoryText.show(dir, System.out);
        return 0;
      });
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "One JSON object per event on stdout (Jepsen's field names).")
  static final class Export implements Callable<Integer> {
    @Parameters(paramLabel = "DIR") Path dir;

    @Option(names = "--format", defaultValue = "jsonl", description = "Only jsonl.")
    String format;

    @Override
    public Integer call() {
      if (!format.equals("jsonl")) {
        System.err.println("bayou history export: unknown format '" + format + "' (jsonl)");
        return Main.BAD_ARGUMENTS;
      }
      return guarded(() -> {
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        HistoryJson.export(dir, out);
        out.flush();
        return 0;
      });
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "A JSON-lines history back into a new queue in DIR, ready for 'check'.")
  static final class Import implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.jsonl") Path file;
    @Parameters(index = "1", paramLabel = "DIR") Path dir;

    @Override
    public Integer call() {
      return guarded(() -> {
        long count = HistoryJson.importJsonl(file, dir);
        System.out.println("imported " + count + " events into " + dir);
        return 0;
      });
    }
  }

  @Command(name = "stats", mixinStandardHelpOptions = true,
      description = "Counts by type and function, duration, servers and clients seen.")
  static final class Stats implements Callable<Integer> {
    @Parameters(paramLabel = "DIR") Path dir;

    @Option(names = "--window", paramLabel = "S", description = "Also operations completed, "
        + "ops/s and queue bytes per window of S seconds: whether a long run's throughput or "
        + "cost per operation drifts (default 0: none).")
    long windowSeconds;

    @Override
    public Integer call() {
      return guarded(() -> {
        if (windowSeconds < 0) {
          throw new IllegalArgumentException("--window must be >= 0, got " + windowSeconds);
        }
        HistoryText.stats(dir, windowSeconds, System.out);
        return 0;
      });
    }
  }
}

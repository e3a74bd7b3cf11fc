package bayou.cli;

import bayou.harness.CampaignInterrupt;
import bayou.harness.DiskUsage;
import bayou.harness.StorePrune;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The run store: how much it holds, and pruning it. */
@Command(name = "store", mixinStandardHelpOptions = true,
    description = "The campaign run store (store/<name>/<time>-seed<N>/): list runs and sizes, "
        + "prune old runs.",
    subcommands = {StoreCommand.ListRuns.class, StoreCommand.Prune.class})
final class StoreCommand {
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "One line per run (size, verdict, directory), then the store's total.")
  static final class ListRuns implements Callable<Integer> {
    @Option(names = "--store", defaultValue = "store", paramLabel = "DIR",
        description = "The store (default ${DEFAULT-VALUE}).")
    Path store;

    @Override
    public Integer call() {
      List<Path> runs = StorePrune.runs(store);
      for (Path run : runs) {
        System.out.printf("%9s  %-11s %s%n", DiskUsage.words(DiskUsage.bytes(run)), state(run),
            run);
      }
      System.out.printf("%d runs, %s in %s%n", runs.size(),
          DiskUsage.words(DiskUsage.bytes(store)), store);
      return 0;
    }

    /** The verdict as results.json gives it, or why there is none. */
    private static String state(Path run) {
      if (Files.exists(run.resolve(CampaignInterrupt.MARKER))) {
        return "interrupted";
      }
      Path results = run.resolve("results.json");
      if (!Files.exists(results)) {
        return "unchecked";
      }
      try {
        JsonNode valid = new ObjectMapper().readTree(results.toFile()).path("valid");
        // true/false as check writes it; "valid"/"invalid" in runs made before issue 12
        return valid.isBoolean() ? (valid.asBoolean() ? "valid" : "invalid")
            : valid.isTextual() ? valid.asText() : "unknown";
      } catch (java.io.IOException e) {
        return "unreadable";
      }
    }
  }

  @Command(name = "prune", mixinStandardHelpOptions = true,
      description = "Removes whole run directories: all but the newest N of each campaign "
          + "(--keep), or those older than a duration (--older-than), or both.")
  static final class Prune implements Callable<Integer> {
    @Option(names = "--keep", paramLabel = "N",
        description = "Runs kept per campaign, the newest.")
    Integer keep;

    @Option(names = "--older-than", paramLabel = "AGE",
        description = "Remove runs older than AGE: a number and a unit, d, h or m (7d, 12h).")
    String olderThan;

    @Option(names = "--store", defaultValue = "store", paramLabel = "DIR",
        description = "The store (default ${DEFAULT-VALUE}).")
    Path store;

    @Override
    public Integer call() {
      if (keep == null && olderThan == null) {
        System.err.println("bayou store prune: give --keep N, --older-than AGE, or both");
        return Main.BAD_ARGUMENTS;
      }
      if (keep != null && keep < 0) {
        System.err.println("bayou store prune: --keep must be >= 0, got " + keep);
        return Main.BAD_ARGUMENTS;
      }
      Duration age = olderThan == null ? null : age(olderThan);
      if (olderThan != null && age == null) {
        System.err.println("bayou store prune: --older-than must be a number and d, h or m "
            + "(for example 7d), got '" + olderThan + "'");
        return Main.BAD_ARGUMENTS;
      }
      long before = DiskUsage.bytes(store);
      List<Path> removed = StorePrune.prune(store, keep == null ? -1 : keep, age, Instant.now());
      removed.forEach(run -> System.out.println("removed " + run));
      System.out.printf("removed %d runs, %s; %s left in %s%n", removed.size(),
          DiskUsage.words(before - DiskUsage.bytes(store)),
          DiskUsage.words(DiskUsage.bytes(store)), store);
      return 0;
    }

    /** {@code 7d}, {@code 12h}, {@code 30m}; null when it is none of these. */
    static Duration age(String text) {
      String t = text.trim().toLowerCase(Locale.ROOT);
      if (!t.matches("\\d+[dhm]")) {
        return null;
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 'd' -> Duration.ofDays(n);
        case 'h' -> Duration.ofHours(n);
        default -> Duration.ofMinutes(n);
      };
    }
  }
}

package bayou.harness;

import bayou.checker.Validity;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps the store bounded: runs are {@code store/<campaign>/<time>-seed<N>/}, named so that
 * their names sort by time. Pruning removes whole run directories, oldest first, and a
 * {@code store/latest} link left pointing at nothing.
 */
public final class StorePrune {
  private StorePrune() {}

  /**
   * After a run of a many-run campaign: a valid run drops its queue, history.txt and server
   * disks (the bulk of it) and keeps results.json and campaign.test, which repeat it. Returns the result unchanged.
   */
  public static CampaignResult afterRun(CampaignResult result, boolean dropValid,
      PrintStream err) {
    if (dropValid && result.validity() == Validity.VALID) {
      long before = DiskUsage.bytes(result.runDir());
      FileTrees.deleteQuietly(result.runDir().resolve("queue"));
      FileTrees.deleteQuietly(result.runDir().resolve("history.txt"));
      FileTrees.deleteQuietly(result.runDir().resolve("disks"));
      err.println("bayou campaign: valid; removed the queue, history.txt and disks of "
          + result.runDir() + " (" + DiskUsage.words(before - DiskUsage.bytes(result.runDir()))
          + "; --keep-valid keeps them)");
    }
    return result;
  }

  /** Every run directory of the store, campaign by campaign, oldest first within each. */
  public static List<Path> runs(Path store) {
    List<Path> runs = new ArrayList<>();
    for (Path campaign : list(store)) {
      for (Path run : list(campaign)) {
        if (run.getFileName().toString().contains("-seed")) {
          runs.add(run);
        }
      }
    }
    return runs;
  }

  /**
   * Removes, in each campaign, all but the newest {@code keep} runs (a negative keep: no limit)
   * and every run older than {@code olderThan} (null: no age limit); returns those removed.
   */
  public static List<Path> prune(Path store, int keep, Duration olderThan, Instant now) {
    List<Path> removed = new ArrayList<>();
    for (Path campaign : list(store)) {
      List<Path> runs = list(campaign).stream()
          .filter(r -> r.getFileName().toString().contains("-seed")).toList();
      for (int i = 0; i < runs.size(); i++) {
        boolean beyondKeep = keep >= 0 && i < runs.size() - keep;
        boolean tooOld = olderThan != null
            && modified(runs.get(i)).isBefore(now.minus(olderThan));
        if (beyondKeep || tooOld) {
          FileTrees.deleteQuietly(runs.get(i));
          removed.add(runs.get(i));
        }
      }
    }
    dropDanglingLatest(store);
    return removed;
  }

  private static void dropDanglingLatest(Path store) {
    Path latest = store.resolve("latest");
    if (Files.isSymbolicLink(latest) && !Files.exists(latest)) {
      try {
        Files.delete(latest);
      } catch (IOException e) {
        // a dangling link costs nothing but the convenience
      }
    }
  }

  private static Instant modified(Path dir) {
    try {
      return Files.getLastModifiedTime(dir).toInstant();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the time of " + dir, e);
    }
  }

  /** The subdirectories of dir (not links), sorted by name; none when dir does not exist. */
  static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p))
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}

package bayou.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.checker.CheckResult;
import bayou.checker.Validity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store stays bounded (prune, --keep-valid) and a Ctrl-C leaves a marked run. */
class StoreTest {
  @TempDir Path store;

  private Path run(String campaign, String name, int bytes) throws Exception {
    Path run = Files.createDirectories(store.resolve(campaign).resolve(name));
    Files.createDirectories(run.resolve("queue"));
    Files.write(run.resolve("queue").resolve("q.cq4"), new byte[bytes]);
    Files.writeString(run.resolve("results.json"), "{}");
    return run;
  }

  @Test
  void pruneKeepsTheNewestRunsOfEachCampaignAndDropsADanglingLatest() throws Exception {
    Path a1 = run("a", "20260101T000000.000-seed1", 10);
    Path a2 = run("a", "20260102T000000.000-seed2", 10);
    Path a3 = run("a", "20260103T000000.000-seed3", 10);
    Path b1 = run("b", "20260101T000000.000-seed9", 10);
    Files.createSymbolicLink(store.resolve("latest"), store.relativize(a1));
    List<Path> removed = StorePrune.prune(store, 1, null, Instant.now());
    assertEquals(List.of(a1, a2), removed);
    assertTrue(Files.exists(a3) && Files.exists(b1));
    assertFalse(Files.exists(store.resolve("latest"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertEquals(List.of(a3, b1), StorePrune.runs(store));
  }

  @Test
  void pruneOlderThanRemovesOnlyOldRuns() throws Exception {
    Path old = run("a", "20260101T000000.000-seed1", 10);
    Path fresh = run("a", "20260102T000000.000-seed2", 10);
    Instant now = Instant.now();
    Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(8))));
    assertEquals(List.of(old), StorePrune.prune(store, -1, Duration.ofDays(7), now));
    assertTrue(Files.exists(fresh));
  }

  @Test
  void manyRunCampaignsDropTheBulkOfValidRunsButKeepInvalidOnes() throws Exception {
    Path valid = run("a", "20260101T000000.000-seed1", 5000);
    Path invalid = run("a", "20260101T000001.000-seed2", 5000);
    PrintStream err = new PrintStream(new ByteArrayOutputStream());
    StorePrune.afterRun(result(valid, Validity.VALID), true, err);
    StorePrune.afterRun(result(invalid, Validity.INVALID), true, err);
    assertFalse(Files.exists(valid.resolve("queue")));
    assertTrue(Files.exists(valid.resolve("results.json")));
    assertTrue(Files.exists(invalid.resolve("queue")));
    Path kept = run("a", "20260101T000002.000-seed3", 5000);
    StorePrune.afterRun(result(kept, Validity.VALID), false, err); // --keep-valid
    assertTrue(Files.exists(kept.resolve("queue")));
  }

  @Test
  void anInterruptedCampaignStopsItsProcessesSaysSoAndMarksTheUnfinishedRun() throws Exception {
    Path done = run("a", "20260101T000000.000-seed1", 1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    boolean[] stopped = {false};
    try (CampaignInterrupt interrupt = new CampaignInterrupt(store.resolve("a"),
        () -> stopped[0] = true, err)) {
      Path finished = run("a", "20260101T000001.000-seed2", 1);
      Path unfinished = Files.createDirectories(store.resolve("a")
          .resolve("20260101T000002.000-seed3"));
      interrupt.err().print("before");
      interrupt.interrupted();
      interrupt.err().print("a step failing as its process stops");
      assertTrue(stopped[0], "the node processes are stopped");
      assertTrue(Files.exists(unfinished.resolve(CampaignInterrupt.MARKER)));
      assertFalse(Files.exists(finished.resolve(CampaignInterrupt.MARKER)));
      assertFalse(Files.exists(done.resolve(CampaignInterrupt.MARKER)));
    }
    String said = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(said.contains("interrupted; stopping the node processes"), said);
    assertTrue(said.contains("seed3 is incomplete; marked it INTERRUPTED"), said);
    assertTrue(said.startsWith("before"), said);
    assertFalse(said.contains("a step failing"), "the campaign is silent once interrupted");
  }

  @Test
  void theRunsSummaryHasOneRowPerRunUnderTheCountOfEachVerdict() throws Exception {
    Path a = run("a", "20260101T000000.000-seed41", 1);
    Path b = run("a", "20260101T000001.000-seed42", 1);
    String table = RunsSummary.table(List.of(result(a, Validity.VALID),
        new CampaignResult(b, 42, Validity.INVALID, List.of(new CheckResult("session",
            Validity.INVALID, Map.of(), List.of())), 7, 3, 1, 1, null)));
    List<String> lines = table.lines().toList();
    assertEquals("2 runs: 1 valid, 1 invalid, 0 unknown", lines.get(0));
    assertTrue(lines.get(1).startsWith("seed"), table);
    assertTrue(lines.get(2).startsWith("41 ") && lines.get(2).contains(" valid "), table);
    assertTrue(lines.get(3).contains(" invalid ") && lines.get(3).contains("session"), table);
    assertEquals(4, lines.size(), table);
  }

  private static CampaignResult result(Path run, Validity validity) {
    String seed = run.getFileName().toString().replaceAll(".*-seed", "");
    return new CampaignResult(run, Long.parseLong(seed), validity, List.of(), 10, 2, 5.0, 1.0,
        null);
  }
}

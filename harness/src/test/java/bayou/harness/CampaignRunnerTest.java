package bayou.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.checker.CheckResult;
import bayou.checker.CheckRun;
import bayou.checker.Validity;
import bayou.cluster.NodePool;
import bayou.gen.GeneratorOptions;
import bayou.gen.Script;
import bayou.gen.Step;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole campaigns on real processes: the evidence a run leaves, and shrinking an invalid one. */
class CampaignRunnerTest {
  private static NodePool pool;

  @TempDir
  Path store;

  @BeforeAll
  static void startPool() {
    pool = SharedPool.get();
  }

  private CampaignOptions options(String bug, Duration shrink) {
    GeneratorOptions generator = GeneratorOptions.builder().servers(3).clients(4)
        .faultProbability(0.2).build();
    // bounded by operations, not time, so that a loaded machine still runs the same schedule
    return new CampaignOptions(generator, Duration.ofSeconds(60), 150, 4, bug, shrink, store,
        "test", true);
  }

  @Test
  void aCleanCampaignIsValidAndLeavesItsEvidence() throws Exception {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    CampaignResult result = new CampaignRunner(options("", Duration.ZERO), pool, quiet).run(1);
    assertEquals(Validity.VALID, result.validity(), () -> CheckRun.summary(
        result.results()));
    assertTrue(result.ops() > 0);
    for (String file : List.of("queue", "history.txt", "results.json", "campaign.test")) {
      assertTrue(Files.exists(result.runDir().resolve(file)), file);
    }
    assertEquals(result.runDir().toRealPath(), store.resolve("latest").toRealPath());
    List<Step> executed = Script.parse(result.runDir().resolve("campaign.test"));
    assertTrue(executed.size() >= result.ops());
  }

  @Test
  void anInvalidCampaignIsShrunkToAScriptThatStillFails() throws Exception {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    // skip-mw fails once the schedule holds a write, a move across a partition and a second
    // write. Real processes are not exact, so the shrinker keeps only a script that failed
    // three replays in a row; an independent replay must then fail again (three tries, so
    // that a rare timing does not fail the build; a script that never fails still does).
    CampaignOptions options = options("skip-mw", Duration.ofSeconds(60));
    CampaignResult result = new CampaignRunner(options, pool, quiet).run(2);
    assertEquals(Validity.INVALID, result.validity());
    assertNotNull(result.minimal(), "an invalid run that replays gets a minimal.test");
    List<Step> campaign = Script.parse(result.runDir().resolve("campaign.test"));
    List<Step> minimal = Script.parse(result.minimal());
    assertTrue(minimal.size() < campaign.size(), minimal.size() + " of " + campaign.size());
    Set<String> failed = Set.of("session");
    ShrinkSearch again = new ShrinkSearch(Replay.onProcesses(pool, "skip-mw",
        Files.createDirectories(store.resolve("again"))), failed, quiet);
    assertTrue(again.stillFails(minimal) || again.stillFails(minimal)
        || again.stillFails(minimal), "minimal.test fails the same checker when replayed");
    assertTrue(result.results().stream().anyMatch(r -> r.checker().equals("session")
        && r.validity() == Validity.INVALID), () -> CheckRun.summary(result.results()));
    assertEquals(List.of(), result.results().stream().filter(r -> r.checker().equals("well-formed")
        && r.validity() != Validity.VALID).map(CheckResult::checker).toList());
  }
}

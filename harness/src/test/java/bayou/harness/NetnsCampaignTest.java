package bayou.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bayou.checker.CheckRun;
import bayou.checker.Validity;
import bayou.cluster.LinkFault;
import bayou.cluster.NetNamespaces;
import bayou.cluster.NodePool;
import bayou.gen.FaultKind;
import bayou.gen.GeneratorOptions;
import bayou.gen.Script;
import bayou.gen.Step;
import bayou.master.Suite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Course cases and a short campaign with partitions and slow links on {@code --net netns}: the
 * output stays exact and every checker valid when packets, not messages, are dropped. Needs
 * root; skipped elsewhere with a printed reason.
 */
class NetnsCampaignTest {
  private static NodePool pool;

  @TempDir
  Path store;

  @BeforeAll
  static void startPool() throws Exception {
    boolean root = Files.readAllLines(Path.of("/proc/self/status")).stream()
        .anyMatch(l -> l.matches("Uid:\\s+0\\s.*"));
    if (!root) {
      System.err.println("NetnsCampaignTest: skipped: --net netns needs root (network "
          + "namespaces, veth pairs, nftables); .ci/run runs as root");
    }
    assumeTrue(root, "needs root");
    pool = new NodePool(4, NodePool.defaultNodeJvmArgs(), NetNamespaces.create(LinkFault.DEFAULT));
  }

  @AfterAll
  static void stopPool() {
    if (pool != null) {
      pool.close();
    }
  }

  @Test
  void courseCasesWithPartitionsKeepTheirExactOutput() throws Exception {
    Path root = Path.of(System.getProperty("bayou.root", "..")).toAbsolutePath().normalize();
    Suite suite = new Suite(pool, "");
    for (String name : new String[] {"ryw_violated_after_restore_move",
        "new_server_bridges_partition", "restarted_server_keeps_then_heals_its_cut"}) {
      Suite.Result result = suite.run(root, name, Suite.Rule.STRICT);
      assertEquals(result.expected(), result.actual(),
          () -> name + " differs; master stderr:\n" + result.stderr());
    }
  }

  @Test
  void aCampaignWithSlowLinksAndPartitionsIsValid() throws Exception {
    GeneratorOptions generator = GeneratorOptions.builder().servers(3).clients(4)
        .faultProbability(0.2).nemesis(EnumSet.of(FaultKind.PARTITION, FaultKind.MOVE,
            FaultKind.SLOW, FaultKind.PAUSE)).build();
    CampaignOptions options = new CampaignOptions(generator, Duration.ofSeconds(60), 150, 4,
        "", Duration.ZERO, store, "netns", true);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    CampaignResult result = new CampaignRunner(options, pool, quiet).run(3);
    assertEquals(Validity.VALID, result.validity(), () -> CheckRun.summary(result.results()));
    assertTrue(Script.parse(result.runDir().resolve("campaign.test")).stream()
        .anyMatch(s -> s instanceof Step.Slow), "seed 3 slows a link");
  }
}

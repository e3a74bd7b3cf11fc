package bayou.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.cluster.ProcessCluster;
import bayou.gen.GeneratorOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The repeat line of results.json says every option that changes what a run does. */
class CampaignArgsTest {
  private static final CampaignOptions ON_PROCESSES = new CampaignOptions(
      GeneratorOptions.builder().build(), Duration.ofSeconds(30), 0, 10, "", Duration.ZERO,
      Path.of("store"), "bayou", true);

  @AfterEach
  void restoreTheDefault() {
    System.clearProperty(ProcessCluster.FSYNC_PROPERTY);
  }

  @Test
  void aNonDefaultFsyncPolicyIsRepeated() {
    System.setProperty(ProcessCluster.FSYNC_PROPERTY, "never");
    String args = CampaignArgs.of(ON_PROCESSES, 9);
    assertTrue(args.startsWith("--seed 9 --time-limit 30"), args);
    assertTrue(args.endsWith(" --fsync never"), args);
    assertEquals("never", CampaignArgs.describe(ON_PROCESSES).get("fsync"));
  }

  @Test
  void theDefaultPolicyNeedsNoWord() {
    assertFalse(CampaignArgs.of(ON_PROCESSES, 9).contains("--fsync"));
    assertEquals(ProcessCluster.DEFAULT_FSYNC, CampaignArgs.describe(ON_PROCESSES).get("fsync"));
  }
}

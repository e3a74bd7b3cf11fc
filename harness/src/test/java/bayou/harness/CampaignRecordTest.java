package bayou.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.checker.CheckRun;
import bayou.checker.Validity;
import bayou.cluster.ProcessCluster;
import bayou.cluster.RecordingCluster;
import bayou.gen.GeneratorOptions;
import bayou.history.ChronicleHistory;
import bayou.master.Master;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 on one invalid campaign: {@code check} keeps everything the campaign recorded, and
 * the replay command results.json names shows the failure again (it needs {@code --bug}).
 */
class CampaignRecordTest {
  private static final List<String> CAMPAIGN_FIELDS = List.of("seed", "repeat", "counts",
      "options", "live-servers", "minimal", "replay", "disk-bytes");
  private static final Pattern REPLAY = Pattern.compile(
      "bin/bayou master --bug (\\S+) --history (\\S+) < (\\S+) && bin/bayou check (\\S+)$");

  @TempDir
  Path store;

  @Test
  void checkKeepsTheCampaignsRecordAndTheReplayCommandFailsTheSameChecker() throws Exception {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    GeneratorOptions generator = GeneratorOptions.builder().servers(3).clients(4)
        .faultProbability(0.2).build();
    // seed 2 with skip-mw fails and shrinks, as in CampaignRunnerTest
    CampaignOptions options = new CampaignOptions(generator, Duration.ofSeconds(60), 150, 4,
        "skip-mw", Duration.ofSeconds(60), store, "test", true);
    CampaignResult result = new CampaignRunner(options, SharedPool.get(), quiet).run(2);
    assertEquals(Validity.INVALID, result.validity());
    assertNotNull(result.minimal(), "an invalid run that replays gets a minimal.test");
    Path file = result.runDir().resolve(CheckRun.RESULTS_FILE);
    JsonNode before = new ObjectMapper().readTree(file.toFile());
    assertTrue(before.at("/live-servers/min").asInt() >= generator.minServers(), "" + before);

    assertEquals(1, CheckRun.run(result.runDir(), quiet, quiet));
    JsonNode after = new ObjectMapper().readTree(file.toFile());
    for (String field : CAMPAIGN_FIELDS) {
      assertEquals(before.get(field), after.get(field), field + " after check: " + after);
    }
    assertEquals(false, after.get("valid").asBoolean(true));

    Matcher replay = REPLAY.matcher(after.get("replay").asText());
    assertTrue(replay.find(), after.get("replay").asText());
    assertEquals("skip-mw", replay.group(1));
    assertEquals(replay.group(2), replay.group(4), "check reads what the master recorded");
    // On real processes timing decides whether a write has reached the server a client moves
    // to, so a replay may miss a failure the shrinker saw; a few tries must show it (in the
    // simulator the replay is exact: SimCampaignTest).
    JsonNode replayed = null;
    for (int attempt = 0; attempt < REPLAY_ATTEMPTS && !sessionFailed(replayed); attempt++) {
      Path history = Path.of(replay.group(2) + (attempt == 0 ? "" : "-" + attempt));
      runMaster(replay.group(1), history, Path.of(replay.group(3)));
      CheckRun.run(history, quiet, quiet);
      replayed = new ObjectMapper().readTree(history.resolve(CheckRun.RESULTS_FILE).toFile());
    }
    assertTrue(sessionFailed(replayed), "" + replayed);
  }

  static final int REPLAY_ATTEMPTS = 3;

  private static boolean sessionFailed(JsonNode results) {
    return results != null && !results.at("/checkers/session/valid").asBoolean(true);
  }

  /** What {@code bin/bayou master --bug B --history H < S} does, on the test's node pool. */
  private static void runMaster(String bug, Path history, Path script) throws Exception {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    try (ChronicleHistory sink = ChronicleHistory.create(history);
        ProcessCluster cluster = new ProcessCluster(SharedPool.get(), bug);
        BufferedReader in = Files.newBufferedReader(script)) {
      RecordingCluster recording = new RecordingCluster(cluster, sink);
      new Master(recording, quiet, quiet).run(in);
      try {
        recording.finish(true);
      } catch (RuntimeException e) {
        // as the master: a final heal that gives up is judged by what was recorded
      }
    }
  }
}

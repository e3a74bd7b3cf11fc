package bayou.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import bayou.checker.CheckResult;
import bayou.checker.Validity;
import bayou.gen.GeneratorOptions;
import bayou.sim.NetworkOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The defects that only the exact-read and stabilized checkers see: the first simulated seed
 * that catches each is caught by its owning checker (the eight older defects: BugDetectionTest).
 */
class NewDefectsTest {
  @TempDir
  Path store;

  @ParameterizedTest(name = "{0} is caught by {1}")
  @CsvSource({"stale-view, exact-read", "lose-retire, stabilized"})
  void theOwningCheckerCatchesTheDefect(String bug, String checker) throws Exception {
    GeneratorOptions generator = GeneratorOptions.builder().servers(5).clients(10)
        .faultProbability(0.08).build();
    CampaignOptions options = new CampaignOptions(generator, Duration.ofSeconds(30), 2_000, 10,
        bug, Duration.ZERO, store, "sim", true, NetworkOptions.campaignDefault());
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    for (long seed = 1; seed <= 10; seed++) {
      CampaignResult result = new CampaignRunner(options, () -> null, quiet).run(seed);
      if (result.validity() == Validity.INVALID) {
        Map<String, Validity> verdicts = result.results().stream()
            .collect(Collectors.toMap(CheckResult::checker, CheckResult::validity));
        assertEquals(Validity.INVALID, verdicts.get(checker), bug + " seed " + seed + ": "
            + verdicts);
        return;
      }
    }
    fail(bug + " was not caught in seeds 1..10");
  }
}

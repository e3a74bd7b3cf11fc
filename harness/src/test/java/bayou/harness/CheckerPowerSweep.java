package bayou.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.checker.CheckRun;
import bayou.checker.Validity;
import bayou.gen.GeneratorOptions;
import bayou.sim.NetworkOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checkers alone as the judge of a mutant: two simulated campaigns with the default options
 * (every fault kind, kills and clock skews included) and more faults than by default, each judged
 * by every checker. Not part of mvn verify (the name is not a test's); it is the test of
 * {@code bin/bayou mutate -Dmutate.tests=bayou.harness.CheckerPowerSweep}, which measures how many
 * of the code's mutants a campaign would catch with no unit test's help (docs/MUTANTS.md).
 */
class CheckerPowerSweep {
  static final long OPS = 1_500;

  @TempDir
  Path store;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {5, 6})
  void aDefaultCampaignIsValid(long seed) throws Exception {
    GeneratorOptions generator = GeneratorOptions.builder().faultProbability(0.05).build();
    CampaignOptions options = new CampaignOptions(generator, Duration.ofSeconds(30), OPS, 10,
        "", Duration.ZERO, store, "power", true, NetworkOptions.campaignDefault());
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    CampaignResult result = new CampaignRunner(options, () -> null, quiet).run(seed);
    assertEquals(Validity.VALID, result.validity(),
        () -> "seed " + seed + ": " + CheckRun.summary(result.results()));
  }
}

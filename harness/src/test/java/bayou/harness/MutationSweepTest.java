package bayou.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.checker.CheckRun;
import bayou.checker.Validity;
import bayou.gen.FaultKind;
import bayou.gen.GeneratorOptions;
import bayou.sim.NetworkOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A small simulated sweep, every checker on every run: short campaigns with every fault kind,
 * on the default network and on a hostile one (loss, duplicates, reordering, skewed clocks).
 * Fast enough to run against each mutant of {@code bin/bayou mutate}; also part of mvn verify.
 */
class MutationSweepTest {
  static final long OPS = 250;

  @TempDir
  Path store;

  @ParameterizedTest(name = "seed {0}, hostile network {1}")
  @CsvSource({"1, false", "2, false", "3, true", "4, true"})
  void aShortCampaignIsValid(long seed, boolean hostile) throws Exception {
    GeneratorOptions generator = GeneratorOptions.builder().servers(4).clients(6).keys(3)
        .nemesis(FaultKind.parseList("partition,pause,retire,join,move"))
        .faultProbability(0.08).build();
    NetworkOptions network = hostile
        ? new NetworkOptions(100, 2_000, 0.05, 0.05, 0.3, 200_000, 500, false)
        : NetworkOptions.campaignDefault();
    CampaignOptions options = new CampaignOptions(generator, Duration.ofSeconds(30), OPS, 10,
        "", Duration.ZERO, store, "sweep", true, network);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    CampaignResult result = new CampaignRunner(options, () -> null, quiet).run(seed);
    assertEquals(Validity.VALID, result.validity(), () -> "seed " + seed + " (hostile "
        + hostile + "): " + CheckRun.summary(result.results()));
  }
}

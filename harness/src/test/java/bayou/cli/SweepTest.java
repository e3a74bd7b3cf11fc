package bayou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.gen.GeneratorOptions;
import bayou.harness.CampaignOptions;
import bayou.harness.CampaignResult;
import bayou.harness.CampaignRunner;
import bayou.sim.NetworkOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated sweep screens each seed in memory and records only the runs that are not valid,
 * by running them again: the recorded run must be the screened one, and valid runs leave nothing.
 */
class SweepTest {
  static final Pattern FAILURE = Pattern.compile("^seed (\\d+): invalid .*?  (\\S+)",
      Pattern.MULTILINE);

  @TempDir
  Path store;

  private CampaignOptions options(String bug) {
    GeneratorOptions generator = GeneratorOptions.builder().servers(5).clients(10)
        .faultProbability(0.08).build();
    return new CampaignOptions(generator, Duration.ofSeconds(30), 800, 10, bug, Duration.ZERO,
        store, "sweep", true, NetworkOptions.campaignDefault());
  }

  @Test
  void invalidSeedsAreRecordedExactlyAndValidOnesLeaveNothing() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    Sweep.Outcome outcome;
    try (Sweep sweep = new Sweep(options("skip-ryw"), 2, false,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8))) {
      outcome = sweep.run(1, 4);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    // no terminal here: progress goes as whole lines (at most one per 30 s), never redrawn
    String progress = err.toString(StandardCharsets.UTF_8);
    List<String> progressLines = progress.lines().toList();
    assertTrue(!progress.contains("\r") && progressLines.size() >= 2, progress);
    assertTrue(progressLines.get(progressLines.size() - 1).contains("4/4 seeds"), progress);
    Matcher failure = FAILURE.matcher(printed);
    int lines = 0;
    while (failure.find()) {
      lines++;
      long seed = Long.parseLong(failure.group(1));
      String recorded = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(Path.of(failure.group(2)).resolve("results.json").toFile())
          .get("history-digest").asText();
      CampaignResult direct = new CampaignRunner(options("skip-ryw"), () -> null, quiet)
          .run(seed);
      assertEquals(direct.historyDigest(), recorded, "seed " + seed + " recorded as screened");
    }
    assertEquals(outcome.invalid(), lines, printed);
    assertTrue(outcome.invalid() > 0, "skip-ryw is caught in seeds 1..4: " + printed);
    try (Stream<Path> runs = Files.list(store.resolve("sweep"))) {
      List<Path> kept = runs.filter(Files::isDirectory).toList();
      // the direct runs above add one directory per invalid seed
      assertEquals(2 * outcome.invalid() + outcome.unknown(), kept.size(), "" + kept);
    }
    assertTrue(printed.contains("seeds per wall second"), printed);
  }
}

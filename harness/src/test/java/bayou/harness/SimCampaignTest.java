package bayou.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.checker.CheckRun;
import bayou.checker.Checkers;
import bayou.checker.History;
import bayou.checker.Validity;
import bayou.cluster.NodePool;
import bayou.gen.FaultKind;
import bayou.gen.GeneratorOptions;
import bayou.gen.Script;
import bayou.gen.Step;
import bayou.history.HistoryReader;
import bayou.replica.Bug;
import bayou.sim.NetworkOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Campaigns in the simulator: exact replay from the seed, and the injected defects caught. */
class SimCampaignTest {
  static final long OPS = 600;
  static final Supplier<NodePool> NO_PROCESSES = () -> null;

  @TempDir
  Path store;

  /** Many faults in few operations: defects show in short runs. */
  private CampaignOptions faulty(String bug, Duration shrink) {
    GeneratorOptions generator = GeneratorOptions.builder().servers(5).clients(10)
        .faultProbability(0.08).build();
    return new CampaignOptions(generator, Duration.ofSeconds(30), 2_000, 10, bug, shrink, store,
        "sim", true, NetworkOptions.campaignDefault());
  }

  private CampaignOptions options(String bug, Duration shrink, NetworkOptions network) {
    // the defaults of bin/bayou campaign, so that the second JVM's run is the same run
    GeneratorOptions generator = GeneratorOptions.builder().servers(5).clients(10).keys(5)
        .nemesis(FaultKind.parseList("partition,pause,retire,join,move,kill,freeze,clock"))
        .faultProbability(0.02)
        .build();
    return new CampaignOptions(generator, Duration.ofSeconds(30), OPS, 10, bug, shrink, store,
        "sim", true, network);
  }

  private CampaignResult run(CampaignOptions options, long seed) throws Exception {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    return new CampaignRunner(options, NO_PROCESSES, quiet).run(seed);
  }

  @Test
  void theSameSeedGivesTheSameHistoryAndAnotherSeedAnother() throws Exception {
    CampaignOptions options = options("", Duration.ZERO, NetworkOptions.campaignDefault());
    CampaignResult first = run(options, 5);
    CampaignResult second = run(options, 5);
    assertEquals(Validity.VALID, first.validity(), () -> CheckRun.summary(first.results()));
    assertNotNull(first.historyDigest());
    assertEquals(first.historyDigest(), second.historyDigest());
    assertEquals(Files.readString(first.runDir().resolve("history.txt")),
        Files.readString(second.runDir().resolve("history.txt")));
    assertNotEquals(first.historyDigest(), run(options, 6).historyDigest());
  }

  /** A second JVM (another hash seed for Set.of and Map.of, other identity hashes) agrees. */
  @Test
  void anotherJvmRecordsTheSameHistory() throws Exception {
    CampaignResult here = run(options("", Duration.ZERO, NetworkOptions.campaignDefault()), 9);
    List<String> command = new ArrayList<>(javaWithFlags());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "bayou.cli.Main",
        "campaign", "--sim", "--seed", "9", "--ops", Long.toString(OPS), "--shrink-time", "0",
        "--store", store.resolve("other").toString()));
    Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the second JVM finished");
    assertTrue(out.contains("history digest: " + here.historyDigest()), out);
  }

  @Test
  void aLossyDuplicatingReorderingNetworkIsRepairedByTheProtocol() throws Exception {
    NetworkOptions hostile = new NetworkOptions(100, 2_000, 0.05, 0.05, 0.3, 50_000, 500,
        true);
    CampaignResult result = run(options("", Duration.ZERO, hostile), 3);
    assertEquals(Validity.VALID, result.validity(), () -> CheckRun.summary(result.results()));
    assertTrue(result.ops() == OPS);
  }

  @ParameterizedTest
  @EnumSource(Bug.class)
  void everyInjectedDefectIsCaughtWithinTenSeeds(Bug bug) throws Exception {
    CampaignOptions options = faulty(bug.flag(), Duration.ZERO);
    List<Long> caught = new ArrayList<>();
    for (long seed = 1; seed <= 10 && caught.isEmpty(); seed++) {
      if (run(options, seed).validity() == Validity.INVALID) {
        caught.add(seed);
      }
    }
    assertEquals(1, caught.size(), bug + " caught in seeds 1..10");
  }

  @Test
  void anInvalidSimulatedRunIsShrunkToAScriptThatFailsAgain() throws Exception {
    CampaignOptions options = faulty("skip-ryw", Duration.ofSeconds(30));
    CampaignResult result = run(options, 1);
    assertEquals(Validity.INVALID, result.validity(), "skip-ryw is caught by seed 1");
    assertNotNull(result.minimal());
    List<Step> minimal = Script.parse(result.minimal());
    assertTrue(minimal.size() < 30, "minimal has " + minimal.size() + " steps");
    assertTrue(result.shrinkMs() > 0 && result.shrinkMs() < 30_000, "shrunk in "
        + result.shrinkMs() + " ms");
    String results = java.nio.file.Files.readString(result.runDir().resolve("results.json"));
    assertTrue(results.contains("\"shrink-ms\" : " + Math.round(result.shrinkMs())), results);
    Set<String> failed = Set.of("session");
    ShrinkSearch again = new ShrinkSearch(Replay.simulated(CampaignRunner.simSeed(1),
        NetworkOptions.campaignDefault(), "skip-ryw", scratch()), failed,
        new PrintStream(new ByteArrayOutputStream()));
    assertTrue(again.stillFails(minimal));
  }

  /** The replay command an invalid simulated run prints shows the failure again. */
  @Test
  void theReplayCommandOfASimulatedRunFailsTheSameChecker() throws Exception {
    CampaignResult result = run(faulty("skip-ryw", Duration.ofSeconds(30)), 1);
    assertNotNull(result.minimal());
    String line = ReplayLine.of(result.runDir(), faulty("skip-ryw", Duration.ZERO), 1);
    String masterArgs = line.substring(line.indexOf("bin/bayou master ") + 17,
        line.indexOf(" --history "));
    Path replay = result.runDir().resolve("replay");
    List<String> command = new ArrayList<>(javaWithFlags());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "bayou.cli.Main",
        "master"));
    command.addAll(List.of(masterArgs.split(" ")));
    command.addAll(List.of("--history", replay.toString()));
    Process master = new ProcessBuilder(command).redirectInput(result.minimal().toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(master.waitFor(120, TimeUnit.SECONDS), "the replay finished");
    History.Builder history = History.builder();
    HistoryReader.forEach(replay, history::add);
    assertTrue(Checkers.checkAll(history.build()).stream().anyMatch(r ->
        r.checker().equals("session") && r.validity() == Validity.INVALID), line);
  }

  private static List<String> javaWithFlags() throws IOException {
    Path root = Path.of(System.getProperty("bayou.root", "..")).toAbsolutePath().normalize();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"),
        "bin", "java").toString()));
    command.addAll(Files.readAllLines(root.resolve("bin/jvm-flags")).stream()
        .filter(flag -> !flag.isBlank()).toList());
    return command;
  }

  private Path scratch() throws IOException {
    return Files.createDirectories(store.resolve("again"));
  }
}

package bayou.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckRunTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private static CheckResult lost() {
    return new CheckResult("convergence", Validity.INVALID, Map.of("lost", 1L),
        List.of(new Violation("lost", "Acknowledged write 10@R is missing.", List.of(3L, 9L))));
  }

  @Test
  void reportWritesResultsJsonAndReturnsTheVerdictsExitCode() throws Exception {
    CheckResult valid = new CheckResult("session", Validity.VALID, Map.of("reads", 4L), List.of());
    assertEquals(1, CheckRun.report(List.of(valid, lost()), dir, out, out));
    JsonNode json = new ObjectMapper().readTree(dir.resolve(CheckRun.RESULTS_FILE).toFile());
    assertEquals(false, json.get("valid").asBoolean(true));
    assertEquals(true, json.at("/checkers/session/valid").asBoolean());
    assertEquals(4, json.at("/checkers/session/counts/reads").asInt());
    assertEquals("lost", json.at("/checkers/convergence/violations/0/kind").asText());
    assertEquals(9, json.at("/checkers/convergence/violations/0/events/1").asInt());
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("convergence     invalid  lost=1"), printed);
    assertTrue(printed.contains("Acknowledged write 10@R is missing."), printed);
    assertEquals(0, CheckRun.report(List.of(valid), dir, out, out));
    assertEquals(2, CheckRun.report(List.of(valid, CheckResult.unknown("x",
        Violation.MISSING_DATA, "no snapshots")), dir, out, out));
  }

  @Test
  void unknownIsJepsensUnknownString() {
    Map<String, Object> json = CheckRun.toJson(List.of(CheckResult.unknown("x",
        Violation.MISSING_DATA, "no snapshots")));
    assertEquals("unknown", json.get("valid"));
    assertEquals(json.get("checkers"), CheckRun.checkersJson(List.of(CheckResult.unknown("x",
        Violation.MISSING_DATA, "no snapshots"))));
  }

  @Test
  void aMissingDirectoryIsABadArgument() {
    assertEquals(CheckRun.EXIT_BAD_ARGUMENTS, CheckRun.run(dir.resolve("nope"), out, out));
  }

  @Test
  void aDirectoryWithoutHistoryIsABadArgument() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    assertEquals(CheckRun.EXIT_BAD_ARGUMENTS, CheckRun.run(dir.resolve("empty"), out, out));
  }

  @Test
  void checkMergesIntoACampaignsResultsKeepingEveryField() throws Exception {
    Files.writeString(dir.resolve(CheckRun.RESULTS_FILE), """
        {"valid": true, "seed": 7, "repeat": "bin/bayou campaign --seed 7",
         "counts": {"ops": 3}, "options": {"servers": 5}, "minimal": "minimal.test",
         "replay": "bin/bayou master < minimal.test", "checkers": {}}""");
    assertEquals(1, CheckRun.report(List.of(lost()), dir, out, out));
    JsonNode json = new ObjectMapper().readTree(dir.resolve(CheckRun.RESULTS_FILE).toFile());
    for (String field : List.of("seed", "repeat", "counts", "options", "minimal", "replay")) {
      assertTrue(json.has(field), field + " kept: " + json);
    }
    assertEquals(7, json.get("seed").asInt());
    assertEquals(false, json.get("valid").asBoolean(true), "the new verdict, Jepsen's value");
    assertEquals("lost", json.at("/checkers/convergence/violations/0/kind").asText());
    assertTrue(json.has("checked-at"));
  }

  @Test
  void anUnreadableResultsFileIsLeftAloneAndTheVerdictGoesBesideIt() throws Exception {
    Files.writeString(dir.resolve(CheckRun.RESULTS_FILE), "{not json");
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    assertEquals(1, CheckRun.report(List.of(lost()), dir, out, err));
    assertEquals("{not json", Files.readString(dir.resolve(CheckRun.RESULTS_FILE)));
    assertTrue(Files.exists(dir.resolve(ResultsJson.BESIDE_FILE)));
    assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains(ResultsJson.BESIDE_FILE));
  }

  @Test
  void errorsGoToStderrOnceWithoutARepeatedPrefix() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    assertEquals(CheckRun.EXIT_BAD_ARGUMENTS, CheckRun.run(dir.resolve("empty"), out, err));
    assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing on stdout");
    String message = errBytes.toString(StandardCharsets.UTF_8);
    assertTrue(message.startsWith("bayou check: no history in "), message);
    assertEquals(1, message.split("no history in", -1).length - 1, message);
  }

  @Test
  void theSummaryShowsAFewExplanationsSaysHowManyAndEndsWithTheTable() {
    List<Violation> kept = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      kept.add(new Violation("read-your-writes", "Read " + i + " missed a write.", List.of()));
    }
    CheckResult session = new CheckResult("session", Validity.INVALID,
        Map.of("read-your-writes", 135L), kept);
    String text = CheckRun.summary(List.of(session), Path.of("run/results.json"));
    assertTrue(text.contains("Read 2 missed"), text);
    assertTrue(!text.contains("Read 3 missed"), text);
    assertTrue(text.contains("session: 3 of 135 findings shown; the first 20"), text);
    assertTrue(text.contains("run/results.json"), text);
    assertTrue(text.endsWith("session         invalid  read-your-writes=135\noverall: invalid\n"),
        text);
  }
}

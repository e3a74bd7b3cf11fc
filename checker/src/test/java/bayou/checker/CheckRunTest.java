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
    assertEquals(1, CheckRun.report(List.of(valid, lost()), dir, out));
    JsonNode json = new ObjectMapper().readTree(dir.resolve(CheckRun.RESULTS_FILE).toFile());
    assertEquals(false, json.get("valid").asBoolean(true));
    assertEquals(true, json.at("/checkers/session/valid").asBoolean());
    assertEquals(4, json.at("/checkers/session/counts/reads").asInt());
    assertEquals("lost", json.at("/checkers/convergence/violations/0/kind").asText());
    assertEquals(9, json.at("/checkers/convergence/violations/0/events/1").asInt());
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("convergence     invalid  lost=1"), printed);
    assertTrue(printed.contains("Acknowledged write 10@R is missing."), printed);
    assertEquals(0, CheckRun.report(List.of(valid), dir, out));
    assertEquals(2, CheckRun.report(List.of(valid, CheckResult.unknown("x",
        Violation.MISSING_DATA, "no snapshots")), dir, out));
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
    assertEquals(CheckRun.EXIT_BAD_ARGUMENTS, CheckRun.run(dir.resolve("nope"), out));
  }

  @Test
  void aDirectoryWithoutHistoryIsABadArgument() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    assertEquals(CheckRun.EXIT_BAD_ARGUMENTS, CheckRun.run(dir.resolve("empty"), out));
  }
}

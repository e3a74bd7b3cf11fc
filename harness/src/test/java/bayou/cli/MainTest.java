package bayou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 12: errors on stderr, in the user's words (option names, units), once. */
class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private int run(String... args) {
    return Main.commandLine().execute(args);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anUnknownCommandPointsAtTheTopHelpOnce() {
    assertEquals(Main.BAD_ARGUMENTS, run("nosuchcmd"));
    assertTrue(err().contains("Try 'bayou --help' for more."), err());
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aBadOptionOfASubcommandPointsAtItsHelp() {
    assertEquals(Main.BAD_ARGUMENTS, run("campaign", "--no-such-option"));
    assertTrue(err().contains("Try 'bayou campaign --help' for more."), err());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--time-limit|-5|--time-limit must be > 0 s, got -5 s",
      "--fault-probability|2|--fault-probability must be between 0 and 1, got 2.0",
      "--min-servers|9|--min-servers must be between 1 and --servers (5), got 9",
      "--runs|0|--runs must be > 0, got 0",
      "--shrink-time|-1|--shrink-time must be >= 0 s, got -1 s"})
  void badCampaignValuesAreNamedByTheirOption(String option, String value, String message) {
    assertEquals(Main.BAD_ARGUMENTS, run("campaign", option, value));
    assertEquals("bayou campaign: " + message + System.lineSeparator(), err());
    assertFalse(err().contains("PT"), "no Java Duration");
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void checkOnADirectoryWithoutHistorySaysSoOnceOnStderr() throws Exception {
    java.nio.file.Path empty = java.nio.file.Files.createTempDirectory("bayou-empty");
    try {
      assertEquals(Main.BAD_ARGUMENTS, run("check", empty.toString()));
      assertEquals("", out.toString(StandardCharsets.UTF_8));
      assertEquals(1, err().split("no history in", -1).length - 1, err());
    } finally {
      java.nio.file.Files.delete(empty);
    }
  }

  @Test
  void storePruneWantsALimit() {
    assertEquals(Main.BAD_ARGUMENTS, run("store", "prune"));
    assertTrue(err().contains("give --keep N, --older-than AGE, or both"), err());
    assertEquals(Main.BAD_ARGUMENTS, run("store", "prune", "--older-than", "3x"));
    assertTrue(err().contains("--older-than must be a number and d, h or m"), err());
  }

  @Test
  void aQuietReplayWithoutAHistoryIsRefusedBeforeAnyNodeStarts() {
    assertEquals(Main.BAD_ARGUMENTS, run("master", "--sim", "--quiet-replay"));
    assertTrue(err().contains("--quiet-replay marks a recorded history: give --history"), err());
  }
}

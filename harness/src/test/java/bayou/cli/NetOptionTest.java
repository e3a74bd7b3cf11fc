package bayou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --net} and what goes with it are refused at once, in one line, when they cannot work. */
class NetOptionTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "master --net bogus|--net takes loopback or netns, got 'bogus'",
      "master --sim --net netns|--net netns runs real processes; it cannot be used with --sim",
      "suite . --sim --net netns|--net netns runs real processes; it cannot be used with --sim",
      "campaign --sim --net netns|--net netns runs real processes; it cannot be used with --sim",
      "campaign --nemesis partition,slow|--nemesis slow needs --net netns",
      "campaign --net netns --slow-link 1,2|a slow link is DELAY_MS,JITTER_MS,LOSS,DUPLICATE,"
          + "REORDER"})
  void impossibleNetworkOptionsAreRefusedInOneLine(String args, String message) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.commandLine().execute(args.split(" "));
    } finally {
      System.setErr(saved);
    }
    String text = err.toString(StandardCharsets.UTF_8);
    assertEquals(Main.BAD_ARGUMENTS, code, text);
    assertTrue(text.contains(message), text);
    assertEquals(1, text.strip().lines().count(), text);
  }
}

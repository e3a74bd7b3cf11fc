package bayou.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ScheduleMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test void printsAReplayableScheduleAndTheSeed() {
    assertEquals(0, run("--seed", "11", "--steps", "50", "--servers", "3"));
    String text = out.toString(StandardCharsets.UTF_8);
    List<Step> steps = Script.parse(text.lines().toList());
    assertEquals(Optional.empty(), Script.firstProblem(steps));
    assertEquals(Script.render(ScheduleMain.schedule(
        GeneratorOptions.builder().servers(3).build(), 11, 50)), text);
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("seed 11 "));
  }

  @Test void rejectsBadArgumentsWithUsage() {
    assertEquals(2, run("--steps", "ten"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
    assertEquals(2, run("--servers", "0"));
    assertTrue(err.toString(StandardCharsets.UTF_8)
        .contains("error: servers must be >= 1, got 0"));
    assertEquals(2, run("--bogus", "1"));
    assertEquals(0, run("--help"));
  }
}

package bayou.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.checker.CheckResult;
import bayou.checker.Validity;
import bayou.gen.Script;
import bayou.gen.Shrinker;
import bayou.gen.Step;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Shrinking over replays that are not exact, as on real processes: the script kept must fail
 * replay after replay, not once by chance.
 */
class ShrinkConfirmationTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  /** Fails when the script holds both marked puts; the smaller ones fail every other replay. */
  private static final class FlakyReplay implements ReplayCheck {
    private final int flakyBelow;
    private int replays;

    FlakyReplay(int flakyBelow) {
      this.flakyBelow = flakyBelow;
    }

    @Override
    public List<CheckResult> check(List<Step> steps) {
      replays++;
      List<String> lines = steps.stream().map(Step::toLine).toList();
      boolean fails = lines.contains("put 5 a first") && lines.contains("put 5 a second")
          && (steps.size() >= flakyBelow || replays % 2 == 0);
      return List.of(new CheckResult("session", fails ? Validity.INVALID : Validity.VALID,
          Map.of(), List.of()));
    }

    @Override
    public boolean exact() {
      return false;
    }
  }

  private static List<Step> script() {
    List<String> lines = new ArrayList<>(List.of("joinServer 0", "joinClient 5 0"));
    for (int i = 0; i < 20; i++) {
      lines.add("put 5 k" + i + " v");
      if (i == 3) {
        lines.add("put 5 a first");
      }
      if (i == 15) {
        lines.add("put 5 a second");
      }
    }
    return Script.parse(lines);
  }

  @Test
  void aScriptThatFailsEveryReplayIsKeptAsItIs() {
    ShrinkSearch search = new ShrinkSearch(new FlakyReplay(0), Set.of("session"), QUIET);
    Shrinker.Result result = search.shrink(script(), 2, Duration.ofSeconds(30));
    assertEquals(List.of("joinServer 0", "joinClient 5 0", "put 5 a first", "put 5 a second"),
        result.steps().stream().map(Step::toLine).toList());
    assertEquals(Shrinker.Outcome.ONE_MINIMAL, result.outcome());
  }

  @Test
  void aSmallScriptThatFailsOnlySometimesGivesWayToALargerOneThatAlwaysFails() {
    int flakyBelow = 10;
    ShrinkSearch search = new ShrinkSearch(new FlakyReplay(flakyBelow), Set.of("session"), QUIET);
    Shrinker.Result result = search.shrink(script(), 2, Duration.ofSeconds(30));
    assertEquals(Shrinker.Outcome.NOT_ALWAYS_REPRODUCED, result.outcome());
    assertEquals(true, result.steps().size() >= flakyBelow, result.steps().size() + " steps");
    FlakyReplay again = new FlakyReplay(flakyBelow);
    for (int i = 0; i < 5; i++) {
      assertEquals(Validity.INVALID, again.check(result.steps()).get(0).validity());
    }
  }
}

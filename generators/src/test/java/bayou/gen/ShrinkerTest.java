package bayou.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ShrinkerTest {
  private static final Duration PLENTY = Duration.ofMinutes(5);

  private static final String SCRIPT = """
      joinServer 0
      joinServer 1
      joinServer 2
      joinClient 3 0
      joinClient 4 1
      put 3 k0 v0
      breakConnection 0 1
      put 4 k1 v1
      pause
      put 3 k1 v3
      start
      get 4 k1
      restoreConnection 0 1
      stabilize
      printLog 0
      """;

  /** Fails iff {@code put _ k1 v3} comes after {@code joinServer 0} and a break of 0-1. */
  static boolean putAfterJoinAndBreak(List<Step> steps) {
    boolean joined = false;
    boolean broken = false;
    for (Step s : steps) {
      joined |= s.equals(new Step.JoinServer(0));
      broken |= s instanceof Step.BreakConnection b
          && new Link(b.a(), b.b()).equals(new Link(0, 1));
      if (joined && broken && s instanceof Step.Put p && p.key().equals("k1")
          && p.value().equals("v3")) {
        return true;
      }
    }
    return false;
  }

  @Test void shrinksTheHandScriptToItsFiveNecessarySteps() {
    Shrinker.Result r = new Shrinker(ShrinkerTest::putAfterJoinAndBreak, PLENTY)
        .shrink(Script.parse(SCRIPT.lines().toList()));
    assertEquals(Shrinker.Outcome.ONE_MINIMAL, r.outcome());
    assertEquals("""
        joinServer 0
        joinServer 1
        joinClient 3 0
        breakConnection 0 1
        put 3 k1 v3
        """, Script.render(r.steps()));
    assertOneMinimal(r.steps(), ShrinkerTest::putAfterJoinAndBreak);
  }

  @Test void shrinksAGeneratedCampaignToAOneMinimalScript() {
    List<Step> input = generatedWith(ShrinkerTest::putAfterJoinAndBreak);
    Shrinker.Result r = new Shrinker(ShrinkerTest::putAfterJoinAndBreak, PLENTY).shrink(input);
    assertEquals(Shrinker.Outcome.ONE_MINIMAL, r.outcome());
    assertTrue(putAfterJoinAndBreak(r.steps()));
    assertEquals(Optional.empty(), Script.firstProblem(r.steps()));
    assertOneMinimal(r.steps(), ShrinkerTest::putAfterJoinAndBreak);
    // joinServer 0 and 1, the break, the put, its client's join (and at most its server's join
    // and a move): nothing else survives.
    assertTrue(r.steps().size() <= 7, Script.render(r.steps()));
  }

  @Test void everyShrinkOfTwoNeededStepsIsOneMinimal() {
    SplittableRandom r = new SplittableRandom(77);
    for (long seed = 0; seed < 20; seed++) {
      List<Step> input = generated(seed, 300);
      int i = r.nextInt(input.size());
      int j = r.nextInt(input.size() - 1);
      j = j >= i ? j + 1 : j; // two different places, so the input itself fails
      Step first = input.get(Math.min(i, j));
      Step second = input.get(Math.max(i, j));
      Predicate<List<Step>> fails = s -> containsInOrder(s, first, second);
      Shrinker.Result result = new Shrinker(fails, PLENTY).shrink(input);
      String where = "seed " + seed + " " + first.toLine() + " / " + second.toLine();
      assertEquals(Shrinker.Outcome.ONE_MINIMAL, result.outcome(), where);
      assertTrue(fails.test(result.steps()), where);
      assertEquals(Optional.empty(), Script.firstProblem(result.steps()), where);
      assertOneMinimal(result.steps(), fails);
    }
  }

  @Test void stopsAtTheTimeLimitWithTheBestSoFar() {
    List<Step> input = generatedWith(ShrinkerTest::putAfterJoinAndBreak);
    AtomicLong now = new AtomicLong();
    AtomicInteger runs = new AtomicInteger();
    Predicate<List<Step>> slow = s -> {
      runs.incrementAndGet();
      now.addAndGet(Duration.ofSeconds(1).toNanos()); // each replay takes a fake second
      return putAfterJoinAndBreak(s);
    };
    Shrinker.Result r = new Shrinker(slow, Duration.ofSeconds(5)).withNanoTime(now::get)
        .shrink(input);
    assertEquals(Shrinker.Outcome.TIME_LIMIT, r.outcome());
    assertEquals(5, runs.get(), "no test starts after the limit");
    assertEquals(5, r.tests());
    assertTrue(putAfterJoinAndBreak(r.steps()));
    assertTrue(r.steps().size() < input.size(), "some progress in 5 tests");
  }

  @Test void aRealClockDeadlineIsKept() {
    List<Step> input = generatedWith(ShrinkerTest::putAfterJoinAndBreak);
    Predicate<List<Step>> sleepy = s -> {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return putAfterJoinAndBreak(s);
    };
    long start = System.nanoTime();
    Shrinker.Result r = new Shrinker(sleepy, Duration.ofMillis(300)).shrink(input);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals(Shrinker.Outcome.TIME_LIMIT, r.outcome());
    assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
    assertTrue(putAfterJoinAndBreak(r.steps()));
  }

  @Test void neverTestsTheSameScriptTwiceAndReportsProgress() {
    List<Step> input = generatedWith(ShrinkerTest::putAfterJoinAndBreak);
    Set<String> tested = new HashSet<>();
    Predicate<List<Step>> once = s -> {
      assertTrue(tested.add(Script.render(s)), "tested twice:\n" + Script.render(s));
      assertEquals(Optional.empty(), Script.firstProblem(s), "only valid scripts are tested");
      return putAfterJoinAndBreak(s);
    };
    List<Shrinker.Progress> progress = new ArrayList<>();
    Shrinker.Result r = new Shrinker(once, PLENTY).withListener(progress::add).shrink(input);
    assertEquals(tested.size(), r.tests());
    assertEquals(r.tests(), progress.size());
    for (int i = 1; i < progress.size(); i++) {
      assertTrue(progress.get(i).bestSteps() <= progress.get(i - 1).bestSteps());
      assertEquals(i + 1, progress.get(i).tests());
    }
    assertEquals(input.size(), progress.get(0).originalSteps());
    assertEquals(r.steps().size(), progress.get(progress.size() - 1).bestSteps());
  }

  @Test void aScriptThatPassesIsNotReproduced() {
    List<Step> input = generated(3, 100);
    Shrinker.Result r = new Shrinker(s -> false, PLENTY).shrink(input);
    assertEquals(Shrinker.Outcome.NOT_REPRODUCED, r.outcome());
    assertEquals(input, r.steps());
    assertEquals(1, r.tests());
  }

  @Test void repairDropsStepsThatLostTheirSetup() {
    List<Step> repaired = Shrinker.repair(Script.parse(List.of("joinServer 1", "joinClient 3 0",
        "put 3 k0 v0", "joinServer 0", "start", "pause", "retireServer 0", "printLog 1")));
    // a retirement during a pause is valid (its hand-off is direct): it stays
    assertEquals("joinServer 1\njoinServer 0\npause\nretireServer 0\nprintLog 1\n",
        Script.render(repaired));
  }

  @Test void splitMakesNearEqualChunksInOrder() {
    List<Step> steps = generated(1, 3).subList(0, 7);
    List<List<Step>> chunks = Shrinker.split(steps, 3);
    assertEquals(List.of(2, 2, 3), chunks.stream().map(List::size).toList());
    assertEquals(steps, chunks.stream().flatMap(List::stream).toList());
  }

  /** Removing any one step leaves a script that is invalid or passes. */
  static void assertOneMinimal(List<Step> steps, Predicate<List<Step>> fails) {
    for (int i = 0; i < steps.size(); i++) {
      List<Step> without = new ArrayList<>(steps);
      Step removed = without.remove(i);
      boolean valid = Script.firstProblem(without).isEmpty();
      assertFalse(valid && fails.test(without),
          "still fails without `" + removed.toLine() + "`:\n" + Script.render(steps));
    }
  }

  private static boolean containsInOrder(List<Step> steps, Step first, Step second) {
    int i = steps.indexOf(first);
    return i >= 0 && steps.subList(i + (first.equals(second) ? 1 : 0), steps.size())
        .contains(second);
  }

  private static List<Step> generated(long seed, int steps) {
    return ScheduleMain.schedule(GeneratorOptions.defaults(), seed, steps);
  }

  /** A generated campaign of 2,000 steps that fails the predicate, the first seed that does. */
  private static List<Step> generatedWith(Predicate<List<Step>> fails) {
    GeneratorOptions o = GeneratorOptions.builder().keys(2).faultProbability(0.2).build();
    for (long seed = 0; ; seed++) {
      List<Step> steps = ScheduleMain.schedule(o, seed, 2_000);
      if (fails.test(steps)) {
        return steps;
      }
    }
  }
}

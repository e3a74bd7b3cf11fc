package bayou.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private final Scheduler scheduler = new Scheduler();
  private final List<String> ran = new ArrayList<>();

  @Test
  void eventsRunInTimeOrderAndTiesInSchedulingOrder() {
    scheduler.at(30, () -> ran.add("c@" + scheduler.now()));
    scheduler.at(10, () -> ran.add("a@" + scheduler.now()));
    scheduler.at(10, () -> ran.add("b@" + scheduler.now()));
    while (scheduler.step()) {
      // run all
    }
    assertEquals(List.of("a@10", "b@10", "c@30"), ran);
    assertEquals(3, scheduler.executed());
  }

  @Test
  void thePastMeansNow() {
    scheduler.advanceTo(100);
    scheduler.at(5, () -> ran.add("late@" + scheduler.now()));
    scheduler.step();
    assertEquals(List.of("late@100"), ran);
  }

  @Test
  void runUntilStopsAtTheConditionOrAtTheDeadline() {
    for (int t = 10; t <= 100; t += 10) {
      int time = t;
      scheduler.at(t, () -> ran.add("t" + time));
    }
    assertTrue(scheduler.runUntil(() -> ran.size() == 3, 1_000));
    assertEquals(30, scheduler.now());
    assertFalse(scheduler.runUntil(() -> ran.size() == 99, 55));
    assertEquals(55, scheduler.now(), "time moves to the deadline when nothing is left before it");
    assertEquals(5, ran.size());
  }

  @Test
  void eventsMayScheduleEvents() {
    scheduler.at(1, () -> scheduler.after(4, () -> ran.add("child@" + scheduler.now())));
    scheduler.advanceTo(10);
    assertEquals(List.of("child@5"), ran);
    assertEquals(10, scheduler.now());
  }
}

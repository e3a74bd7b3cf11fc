package bayou.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.history.NemesisEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Process and clock faults are drawn as the others are: kills and freezes last, skews are instants. */
class FaultTest {
  private static NemesisEvent at(long seconds, String f, int a) {
    return new NemesisEvent(-1, seconds * 1_000_000_000L, f, a, -1, null, null);
  }

  @Test
  void killsAndFreezesLastUntilTheirRestartOrThawAndSkewsAreInstants() {
    List<NemesisEvent> nemeses = List.of(at(1, "killServer", 2), at(2, "freezeServer", 3),
        at(3, "skewClock", 1), at(4, "restartServer", 2), at(5, "killServer", 4),
        at(6, "thawServer", 3));
    List<Fault> faults = Fault.intervals(nemeses, 10_000_000_000L);
    assertEquals(List.of(
        new Fault("kill", "kill 2", 1_000_000_000L, 4_000_000_000L),
        new Fault("freeze", "freeze 3", 2_000_000_000L, 6_000_000_000L),
        new Fault("clock", "clock 1", 3_000_000_000L, 3_000_000_000L),
        new Fault("kill", "kill 4", 5_000_000_000L, 10_000_000_000L)), faults);
    Map<String, Integer> counts = Fault.counts(faults);
    assertEquals(2, counts.get("kill"));
    assertEquals(1, counts.get("freeze"));
    assertEquals(1, counts.get("clock"));
    assertEquals(List.of(4_000_000_000L, 6_000_000_000L), Fault.heals(nemeses));
  }
}

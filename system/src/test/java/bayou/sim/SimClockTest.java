package bayou.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimClockTest {
  @Test
  void offsetShiftsAndDriftStretches() {
    SimClock clock = new SimClock(-5_000, 100); // 5 ms behind, 100 ppm fast
    assertEquals(SimClock.EPOCH_MICROS - 5_000, clock.local(0));
    assertEquals(SimClock.EPOCH_MICROS - 5_000 + 1_000_000 + 100, clock.local(1_000_000));
  }

  @Test
  void virtualAtIsTheEarliestMomentTheClockReachesALocalTime() {
    for (double drift : new double[] {-900, -1, 0, 1, 57.5, 999}) {
      SimClock clock = new SimClock(12_345, drift);
      for (long v : new long[] {0, 1, 999, 1_000_000, 31_000_017}) {
        long local = clock.local(v);
        long back = clock.virtualAt(local);
        assertTrue(clock.local(back) >= local, "reaches it, drift " + drift);
        assertTrue(back == 0 || clock.local(back - 1) < local, "earliest, drift " + drift);
        assertTrue(back <= v);
      }
    }
  }

  @Test
  void aClockThatRunsBackwardsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SimClock(0, -1e6));
  }
}

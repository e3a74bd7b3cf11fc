package bayou.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.wire.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated network between two bare nodes: latency, loss, duplication, order, the seed. */
class SimulationTest {
  /** Sends {@code count} notices from one node to another and returns what was traced. */
  private static List<Simulation.Traced> exchange(long seed, NetworkOptions options, int count) {
    Simulation sim = new Simulation(seed, options);
    List<Simulation.Traced> traced = new ArrayList<>();
    sim.trace(traced::add);
    SimNode a = sim.newNode(msg -> {});
    SimNode b = sim.newNode(msg -> {});
    a.learn(Map.of(1, b.address()));
    for (int i = 0; i < count; i++) {
      assertTrue(a.send(1, new Msg.Notice(new Msg.Summary(Map.of("R", (long) i), i))));
    }
    sim.scheduler().advanceTo(10_000_000);
    return traced;
  }

  @Test
  void theSameSeedGivesTheSameNetwork() {
    NetworkOptions lossy = new NetworkOptions(100, 1_000, 0.1, 0.1, 0.5, 0, 0, false);
    assertEquals(exchange(7, lossy, 500), exchange(7, lossy, 500));
    assertNotEquals(exchange(7, lossy, 500), exchange(8, lossy, 500));
  }

  @Test
  void latencyIsAtLeastTheMinimumAndAveragesNearTheMean() {
    List<Simulation.Traced> traced = exchange(1, new NetworkOptions(100, 1_000, 0, 0, 1, 0, 0,
        false), 5_000);
    double mean = traced.stream().mapToLong(t -> t.delivered() - t.sent()).average().orElseThrow();
    assertTrue(traced.stream().allMatch(t -> t.delivered() - t.sent() >= 100));
    assertTrue(mean > 900 && mean < 1_100, "mean latency " + mean);
  }

  @Test
  void lossAndDuplicationHappenAtAboutTheirRates() {
    List<Simulation.Traced> traced = exchange(3, new NetworkOptions(100, 100, 0.2, 0.3, 0, 0, 0,
        false), 10_000);
    long lost = traced.stream().filter(t -> t.delivered() < 0).count();
    long delivered = traced.size() - lost;
    assertTrue(lost > 1_800 && lost < 2_200, "lost " + lost);
    assertTrue(delivered > 10_000, "duplicates delivered " + delivered);
  }

  @Test
  void withoutReorderingALinkIsFifo() {
    List<Simulation.Traced> fifo = exchange(5, new NetworkOptions(100, 5_000, 0, 0, 0, 0, 0,
        false), 2_000);
    for (int i = 1; i < fifo.size(); i++) {
      assertTrue(fifo.get(i).delivered() >= fifo.get(i - 1).delivered(), "in order at " + i);
    }
    List<Simulation.Traced> reordered = exchange(5, new NetworkOptions(100, 5_000, 0, 0, 1, 0,
        0, false), 2_000);
    boolean overtaken = false;
    for (int i = 1; i < reordered.size(); i++) {
      overtaken |= reordered.get(i).delivered() < reordered.get(i - 1).delivered();
    }
    assertTrue(overtaken, "reordering lets messages overtake");
  }

  @Test
  void aSendToAnUnknownOrStoppedNodeFails() {
    Simulation sim = new Simulation(1, NetworkOptions.reliable());
    SimNode a = sim.newNode(msg -> {});
    SimNode b = sim.newNode(msg -> {});
    Msg.Notice notice = new Msg.Notice(new Msg.Summary(Map.of(), 0));
    assertTrue(!a.send(1, notice), "unknown peer");
    a.learn(Map.of(1, b.address()));
    assertTrue(a.send(1, notice));
    b.stop();
    assertTrue(!a.send(1, notice), "stopped peer");
  }

  @Test
  void clocksAreSkewedWithinTheBoundsFromTheSeed() {
    Simulation sim = new Simulation(11, new NetworkOptions(0, 0, 0, 0, 0, 20_000, 100, false));
    for (int i = 0; i < 50; i++) {
      SimClock clock = sim.newNode(msg -> {}).clock();
      assertTrue(Math.abs(clock.offsetMicros()) <= 20_000);
      assertTrue(Math.abs(clock.driftPpm()) <= 100);
    }
  }
}

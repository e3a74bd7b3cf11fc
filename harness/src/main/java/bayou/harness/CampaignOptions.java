package bayou.harness;

import bayou.sim.NetworkOptions;
import bayou.gen.GeneratorOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything that describes a campaign besides its seed: the same seed and options give the same
 * schedule.
 *
 * @param timeLimit how long operations are generated (the finale comes after)
 * @param opsLimit stop after this many client operations (0: no limit)
 * @param concurrency clients with an operation in flight at once
 * @param bug a {@code --bug} name passed to every node, or ""
 * @param shrinkTime the budget for shrinking an invalid run (zero: do not shrink)
 * @param record false only to measure the cost of recording: nothing is recorded or checked
 * @param sim the simulated network and clocks, or null to run real processes
 */
public record CampaignOptions(GeneratorOptions generator, Duration timeLimit, long opsLimit,
    int concurrency, String bug, Duration shrinkTime, Path store, String name, boolean record,
    NetworkOptions sim) {
  /** A campaign against real processes. */
  public CampaignOptions(GeneratorOptions generator, Duration timeLimit, long opsLimit,
      int concurrency, String bug, Duration shrinkTime, Path store, String name, boolean record) {
    this(generator, timeLimit, opsLimit, concurrency, bug, shrinkTime, store, name, record, null);
  }

  /** Whether the campaign runs in the simulator (then {@code sim} is its network). */
  public boolean simulated() {
    return sim != null;
  }

  public CampaignOptions {
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("time limit must be > 0, got " + timeLimit);
    }
    if (opsLimit < 0) {
      throw new IllegalArgumentException("ops must be >= 0, got " + opsLimit);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1, got " + concurrency);
    }
    if (shrinkTime.isNegative()) {
      throw new IllegalArgumentException("shrink time must be >= 0, got " + shrinkTime);
    }
    bug = bug == null ? "" : bug;
  }
}

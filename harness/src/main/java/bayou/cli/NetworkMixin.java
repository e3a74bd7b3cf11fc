package bayou.cli;

import bayou.sim.NetworkOptions;
import picocli.CommandLine.Option;

/**
 * The simulated network's and clocks' options, shared by {@code campaign --sim} and
 * {@code master --sim}. Each unset option keeps the command's own default: campaigns default to
 * a LAN with skewed clocks, the master to the course's reliable network and synchronized clocks.
 */
final class NetworkMixin {
  @Option(names = "--latency-us", paramLabel = "MIN,MEAN",
      description = "--sim: message latency in microseconds, a minimum plus an exponential tail "
          + "up to the mean (campaign default 100,1000; master 50,200).")
  String latency;

  @Option(names = "--loss", paramLabel = "P",
      description = "--sim: chance that a message between nodes is lost (default 0).")
  Double loss;

  @Option(names = "--duplicate", paramLabel = "P",
      description = "--sim: chance that a message is delivered twice (default 0).")
  Double duplicate;

  @Option(names = "--reorder", paramLabel = "P",
      description = "--sim: chance that a message may overtake earlier ones on its link "
          + "(default 0; links are otherwise FIFO, as TCP).")
  Double reorder;

  @Option(names = "--clock-skew-ms", paramLabel = "MS",
      description = "--sim: each server's clock is off by up to this much (campaign default 20; "
          + "master 0).")
  Double clockSkewMs;

  @Option(names = "--clock-drift-ppm", paramLabel = "PPM",
      description = "--sim: each clock runs fast or slow by up to this much (campaign default "
          + "100; master 0).")
  Double clockDriftPpm;

  @Option(names = "--wire", description = "--sim: pass every message through the real wire "
      + "codec (JSON) instead of as an object.")
  boolean wire;

  /** {@code base} with every option given on the command line in its place. */
  NetworkOptions over(NetworkOptions base) {
    long minLatency = base.minLatencyMicros();
    long meanLatency = base.meanLatencyMicros();
    if (latency != null) {
      String[] parts = latency.split(",");
      try {
        if (parts.length != 2) {
          throw new NumberFormatException();
        }
        minLatency = Long.parseLong(parts[0].trim());
        meanLatency = Long.parseLong(parts[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--latency-us takes MIN,MEAN in whole microseconds, "
            + "got '" + latency + "'");
      }
    }
    return new NetworkOptions(minLatency, meanLatency, or(loss, base.loss()),
        or(duplicate, base.duplication()), or(reorder, base.reordering()),
        clockSkewMs == null ? base.maxSkewMicros() : Math.round(clockSkewMs * 1_000),
        or(clockDriftPpm, base.maxDriftPpm()), wire || base.wire());
  }

  private static double or(Double given, double base) {
    return given != null ? given : base;
  }
}

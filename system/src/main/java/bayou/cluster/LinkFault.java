package bayou.cluster;

/**
 * What a slow link does to each packet it carries, in each direction: a delay with jitter (and a
 * chance of overtaking the delayed ones: reordering), a chance of loss and one of duplication.
 */
public record LinkFault(int delayMs, int jitterMs, double loss, double duplicate,
    double reorder) {
  public LinkFault {
    if (delayMs < 0 || jitterMs < 0 || jitterMs > delayMs && delayMs > 0) {
      throw new IllegalArgumentException("a link's delay and jitter are milliseconds >= 0, the "
          + "jitter at most the delay; got " + delayMs + " and " + jitterMs);
    }
    for (double p : new double[] {loss, duplicate, reorder}) {
      if (!(p >= 0 && p < 1)) {
        throw new IllegalArgumentException("loss, duplication and reordering are chances in "
            + "[0, 1); got " + p);
      }
    }
  }

  /** The default slow link: 50 ms +- 20 ms, 5 % lost, 2 % duplicated, 10 % reordered. */
  public static final LinkFault DEFAULT = new LinkFault(50, 20, 0.05, 0.02, 0.1);

  /** Parses {@code DELAY_MS,JITTER_MS,LOSS,DUPLICATE,REORDER}, for example 50,20,0.05,0.02,0.1. */
  public static LinkFault parse(String text) {
    String[] parts = text.split(",");
    if (parts.length != 5) {
      throw new IllegalArgumentException("a slow link is DELAY_MS,JITTER_MS,LOSS,DUPLICATE,"
          + "REORDER (for example 50,20,0.05,0.02,0.1), got '" + text + "'");
    }
    try {
      return new LinkFault(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
          Double.parseDouble(parts[2]), Double.parseDouble(parts[3]),
          Double.parseDouble(parts[4]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a slow link is DELAY_MS,JITTER_MS,LOSS,DUPLICATE,"
          + "REORDER with whole milliseconds and chances, got '" + text + "'");
    }
  }

  /** Whether this needs netem (delay, jitter, reordering), not only nftables. */
  boolean delays() {
    return delayMs > 0 || jitterMs > 0 || reorder > 0;
  }

  /** A chance as a threshold of {@code numgen random mod 1000}. */
  static int perMille(double p) {
    return (int) Math.round(p * 1000);
  }
}

package bayou.gen;

/** The shapes a partition fault cuts the live servers into (after Jepsen's nemeses). */
public enum PartitionShape {
  /** Two random halves that cannot reach each other. Needs 2 servers. */
  HALVES(2),
  /** One random server cut off from all others. Needs 2 servers. */
  ISOLATE(2),
  /** Two halves that both reach one bridge server but not each other. Needs 3 servers. */
  BRIDGE(3),
  /** A ring where every server reaches a majority, but no two the same one. Needs 4 servers. */
  MAJORITIES_RING(4),
  /** Each server pair cut with probability 1/2 (at least one pair). Needs 2 servers. */
  RANDOM_GRUDGE(2);

  private final int minServers;

  PartitionShape(int minServers) {
    this.minServers = minServers;
  }

  /** The fewest live servers for which the shape cuts something. */
  public int minServers() {
    return minServers;
  }
}

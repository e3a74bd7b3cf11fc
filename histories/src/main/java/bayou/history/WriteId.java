package bayou.history;

import java.util.Objects;

/** Identity of one Bayou write: its accept-stamp and the Bayou name of the server that accepted it. */
public record WriteId(long stamp, String acceptor) implements Comparable<WriteId> {
  public WriteId {
    Objects.requireNonNull(acceptor, "acceptor");
  }

  /** Tentative log order: accept-stamp, then acceptor name. */
  @Override
  public int compareTo(WriteId other) {
    int byStamp = Long.compare(stamp, other.stamp);
    return byStamp != 0 ? byStamp : acceptor.compareTo(other.acceptor);
  }

  // Written out: a record's generated equals and hashCode bootstrap method handles on first
  // use, about 10 ms of CPU in every short-lived node process.
  @Override
  public boolean equals(Object o) {
    return o instanceof WriteId other && stamp == other.stamp && acceptor.equals(other.acceptor);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(stamp) + acceptor.hashCode();
  }

  @Override
  public String toString() {
    return stamp + "@" + acceptor;
  }
}

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

  @Override
  public String toString() {
    return stamp + "@" + acceptor;
  }
}

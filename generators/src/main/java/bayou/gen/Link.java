package bayou.gen;

/**
 * An undirected link between two ids (two servers, or a client and a server), stored with
 * {@code a < b} so that the same link always compares equal whatever the order it was named in.
 */
public record Link(int a, int b) implements Comparable<Link> {
  public Link {
    Args.id("a", a);
    Args.id("b", b);
    Args.distinct(a, b);
    if (a > b) {
      int t = a;
      a = b;
      b = t;
    }
  }

  /** True when {@code id} is one of the two ends. */
  public boolean touches(int id) {
    return a == id || b == id;
  }

  /** The end that is not {@code id}. */
  public int other(int id) {
    if (!touches(id)) {
      throw new IllegalArgumentException("link " + this + " does not touch " + id);
    }
    return a == id ? b : a;
  }

  @Override public int compareTo(Link o) {
    return a != o.a ? Integer.compare(a, o.a) : Integer.compare(b, o.b);
  }

  @Override public String toString() {
    return a + "-" + b;
  }
}

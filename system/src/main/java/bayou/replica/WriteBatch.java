package bayou.replica;

import java.util.List;

/** Writes sent by anti-entropy: committed ones in CSN order, then tentative ones in log order. */
public record WriteBatch(List<Write> committed, List<Write> tentative) {
  public WriteBatch {
    committed = List.copyOf(committed);
    tentative = List.copyOf(tentative);
  }

  /** With the lose-retire bug: a hand-off without the retiree's own RETIRE (its last write). */
  public static WriteBatch withoutRetire(List<Write> committed, List<Write> tentative) {
    return new WriteBatch(withoutLastRetire(committed), withoutLastRetire(tentative));
  }

  private static List<Write> withoutLastRetire(List<Write> writes) {
    if (writes.isEmpty()) {
      return writes;
    }
    Write last = writes.get(writes.size() - 1);
    boolean ownRetire = last.op().equals(Write.RETIRE) && last.key().equals(last.acceptor());
    return ownRetire ? writes.subList(0, writes.size() - 1) : writes;
  }

  public boolean isEmpty() {
    return committed.isEmpty() && tentative.isEmpty();
  }
}

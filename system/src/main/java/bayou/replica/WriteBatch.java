package bayou.replica;

import java.util.List;

/** Writes sent by anti-entropy: committed ones in CSN order, then tentative ones in log order. */
public record WriteBatch(List<Write> committed, List<Write> tentative) {
  public WriteBatch {
    committed = List.copyOf(committed);
    tentative = List.copyOf(tentative);
  }

  public boolean isEmpty() {
    return committed.isEmpty() && tentative.isEmpty();
  }
}

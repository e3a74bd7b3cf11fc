package bayou.history;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A server's committed log in one snapshot, as the first {@code size} entries of a list shared
 * with that server's other snapshots. Committed logs only grow, so a snapshot that extends the
 * previous one appends to the shared list instead of copying it: a history read back holds each
 * committed entry about once, not once per snapshot, and reading a snapshot costs what it added.
 * Read-only; appends happen only in the one thread that reads the history (or, in the
 * recorder, that takes the snapshots).
 */
public final class SharedPrefixList extends AbstractList<LogEntry> implements RandomAccess {
  private final ArrayList<LogEntry> backing;
  private final int size;

  private SharedPrefixList(ArrayList<LogEntry> backing, int size) {
    this.backing = backing;
    this.size = size;
  }

  /**
   * The first {@code shared} entries of {@code before}, then {@code added}: appended in place
   * when {@code before} is the whole of its shared list or the list goes on with {@code added}'s
   * first entries (servers commit the same writes in the same order, so every server's log can
   * share one list), copied otherwise (a log that shrank or changed, which only a defect does).
   */
  public static List<LogEntry> extend(List<LogEntry> before, int shared, List<LogEntry> added) {
    if (before instanceof SharedPrefixList prefix && shared == prefix.size) {
      ArrayList<LogEntry> backing = prefix.backing;
      int alike = 0;
      while (alike < added.size() && shared + alike < backing.size()
          && backing.get(shared + alike).equals(added.get(alike))) {
        alike++;
      }
      boolean atEnd = shared + alike == backing.size();
      if (atEnd || alike == added.size()) {
        if (atEnd) {
          backing.addAll(added.subList(alike, added.size()));
        }
        return new SharedPrefixList(backing, shared + added.size());
      }
    }
    ArrayList<LogEntry> copy = new ArrayList<>(shared + added.size());
    copy.addAll(before.subList(0, shared));
    copy.addAll(added);
    return new SharedPrefixList(copy, copy.size());
  }

  /**
   * Where a list's entries live: two lists with the same backing agree on their common length,
   * and an entry of it never changes, so a pass over one can go on where a pass over another
   * stopped. A list that is not shared is its own backing.
   */
  public static Object backing(List<LogEntry> list) {
    return list instanceof SharedPrefixList shared ? shared.backing : list;
  }
  /**
   * How many entries {@code before} and {@code now} have alike from the start. Two lists on
   * one backing agree as far as both go, so a log that keeps growing is not walked again.
   */
  public static int sharedPrefix(List<LogEntry> before, List<LogEntry> now) {
    int n = Math.min(before.size(), now.size());
    if (backing(before) == backing(now)) {
      return n;
    }
    int i = 0;
    while (i < n && (before.get(i) == now.get(i) || before.get(i).equals(now.get(i)))) {
      i++;
    }
    return i;
  }


  @Override
  public LogEntry get(int index) {
    java.util.Objects.checkIndex(index, size);
    return backing.get(index);
  }

  @Override
  public int size() {
    return size;
  }
}

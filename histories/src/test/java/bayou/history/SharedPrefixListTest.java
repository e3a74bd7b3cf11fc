package bayou.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SharedPrefixListTest {
  private static LogEntry entry(long csn) {
    return new LogEntry(new WriteId(csn, "R"), csn, "PUT", "k" + csn, "v");
  }

  @Test
  void snapshotsThatGrowShareOneListAndKeepTheirOwnLength() {
    List<LogEntry> first = SharedPrefixList.extend(List.of(), 0, List.of(entry(1), entry(2)));
    List<LogEntry> second = SharedPrefixList.extend(first, 2, List.of(entry(3)));
    List<LogEntry> third = SharedPrefixList.extend(second, 3, List.of(entry(4), entry(5)));
    assertEquals(List.of(entry(1), entry(2)), first);
    assertEquals(List.of(entry(1), entry(2), entry(3)), second);
    assertEquals(5, third.size());
    assertThrows(IndexOutOfBoundsException.class, () -> first.get(2));
  }

  @Test
  void theSharedPrefixIsWhereTwoLogsFirstDiffer() {
    List<LogEntry> first = SharedPrefixList.extend(List.of(), 0, List.of(entry(1), entry(2)));
    List<LogEntry> longer = SharedPrefixList.extend(first, 2, List.of(entry(3)));
    assertEquals(2, SharedPrefixList.sharedPrefix(first, longer));
    assertEquals(2, SharedPrefixList.sharedPrefix(longer, first));
    assertEquals(3, SharedPrefixList.sharedPrefix(longer, List.of(entry(1), entry(2), entry(3))));
    assertEquals(1, SharedPrefixList.sharedPrefix(longer, List.of(entry(1), entry(9))));
    assertEquals(0, SharedPrefixList.sharedPrefix(List.of(entry(5)), longer));
    assertEquals(0, SharedPrefixList.sharedPrefix(List.of(), longer));
  }

  @Test
  void aLogThatChangedIsCopiedAndLeavesTheOthersAlone() {
    List<LogEntry> first = SharedPrefixList.extend(List.of(), 0, List.of(entry(1), entry(2)));
    List<LogEntry> longer = SharedPrefixList.extend(first, 2, List.of(entry(3)));
    List<LogEntry> diverged = SharedPrefixList.extend(first, 1, List.of(entry(9)));
    List<LogEntry> fromOld = SharedPrefixList.extend(first, 2, List.of(entry(7)));
    assertEquals(List.of(entry(1), entry(9)), diverged);
    assertEquals(List.of(entry(1), entry(2), entry(3)), longer);
    assertEquals(List.of(entry(1), entry(2), entry(7)), fromOld);
  }

  /**
   * Servers commit the same writes in the same order, so one server's log extended by writes
   * another's already holds reuses that list, and so does the other's extension after it:
   * every server's log is one list, each with its own length.
   */
  @Test
  void logsOfServersThatAgreeShareOneList() {
    List<LogEntry> primary = SharedPrefixList.extend(List.of(), 0, List.of(entry(1), entry(2)));
    List<LogEntry> newcomer = SharedPrefixList.extend(primary, 2, List.of(entry(3), entry(4)));
    List<LogEntry> primaryLater = SharedPrefixList.extend(primary, 2, List.of(entry(3)));
    List<LogEntry> primaryLast = SharedPrefixList.extend(primaryLater, 3,
        List.of(entry(4), entry(5)));
    assertEquals(List.of(entry(1), entry(2), entry(3)), primaryLater);
    assertEquals(List.of(entry(1), entry(2), entry(3), entry(4), entry(5)), primaryLast);
    assertEquals(4, newcomer.size());
    assertSame(SharedPrefixList.backing(primary), SharedPrefixList.backing(newcomer));
    assertSame(SharedPrefixList.backing(primary), SharedPrefixList.backing(primaryLast));
  }
}

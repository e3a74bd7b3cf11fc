package bayou.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
  void aLogThatChangedIsCopiedAndLeavesTheOthersAlone() {
    List<LogEntry> first = SharedPrefixList.extend(List.of(), 0, List.of(entry(1), entry(2)));
    List<LogEntry> longer = SharedPrefixList.extend(first, 2, List.of(entry(3)));
    List<LogEntry> diverged = SharedPrefixList.extend(first, 1, List.of(entry(9)));
    List<LogEntry> fromOld = SharedPrefixList.extend(first, 2, List.of(entry(7)));
    assertEquals(List.of(entry(1), entry(9)), diverged);
    assertEquals(List.of(entry(1), entry(2), entry(3)), longer);
    assertEquals(List.of(entry(1), entry(2), entry(7)), fromOld);
  }
}

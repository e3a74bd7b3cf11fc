package bayou.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bayou.history.LogEntry;
import bayou.history.WriteId;
import org.junit.jupiter.api.Test;

/** A write checks its fields where it is made, and reads out as a history's log entry. */
class WriteTest {
  @Test
  void stampAndCsnMayBeZeroButNotNegative() {
    assertEquals(0, new Write(0, "R", Write.PUT, "k", "v", 0).stamp());
    assertThrows(IllegalArgumentException.class,
        () -> new Write(-1, "R", Write.PUT, "k", "v", 0));
    assertThrows(IllegalArgumentException.class,
        () -> new Write(1, "R", Write.PUT, "k", "v", -1));
  }

  @Test
  void anUnknownOpIsNamedClipped() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Write(1, "R", "X".repeat(21), "k", "v", 0));
    assertEquals("a write's op is PUT, DELETE, CREATE or RETIRE, not " + "X".repeat(20) + "...",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new Write(1, "R", "X".repeat(20), "k", "v", 0));
    assertEquals("a write's op is PUT, DELETE, CREATE or RETIRE, not " + "X".repeat(20),
        e.getMessage());
  }

  @Test
  void aLogEntryHasTheCsnOrMinusOneWhileTentative() {
    assertEquals(new LogEntry(new WriteId(5, "R"), 3, Write.PUT, "k", "v"),
        new Write(5, "R", Write.PUT, "k", "v", 3).toLogEntry());
    assertEquals(new LogEntry(new WriteId(5, "R"), -1, Write.DELETE, "k", null),
        new Write(5, "R", Write.DELETE, "k", null, 0).toLogEntry());
  }
}

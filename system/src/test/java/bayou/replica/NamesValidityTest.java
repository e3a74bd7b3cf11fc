package bayou.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Names from outside (the wire, histories) are checked at their exact limits. */
class NamesValidityTest {
  /** A valid name of exactly {@code length} characters: 1-digit levels and one wider stamp. */
  private static String nameOfLength(int length) {
    int levels = (length - 1 - 4) / 4; // each 1-digit level is "<1," + ">"
    int wide = length - 1 - 4 * levels - 3;
    String name = Names.child(Long.parseLong("9".repeat(wide)), Names.ROOT);
    for (int i = 0; i < levels; i++) {
      name = Names.child(1, name);
    }
    assertEquals(length, name.length());
    return name;
  }

  @Test
  void aNameMayBeExactlyTheLongestAllowed() {
    String longest = nameOfLength(Names.NAME_CHARS_MAX);
    assertEquals(longest, Names.requireValid(longest));
    String tooLong = nameOfLength(Names.NAME_CHARS_MAX + 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Names.requireValid(tooLong));
    assertTrue(e.getMessage().contains("longer than 16384"), e.getMessage());
  }

  @Test
  void aStampHasOneToNineteenDigits() {
    assertEquals("<1234567890123456789,R>", Names.requireValid("<1234567890123456789,R>"));
    assertEquals("<0,<5,R>>", Names.requireValid("<0,<5,R>>"));
    for (String bad : new String[] {"<12345678901234567890,R>", "<,R>", "<5", "<5R>", "<5,R",
        "<5,R>>", "<5,RX", "<5,Q>", "R>", "RR", "", "<5,"}) {
      assertThrows(IllegalArgumentException.class, () -> Names.requireValid(bad), bad);
    }
  }

  @Test
  void aLongBadNameIsClippedInTheMessage() {
    String bad = "<5,R" + "x".repeat(100);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Names.requireValid(bad));
    assertEquals("not a server name: " + bad.substring(0, 60) + "...", e.getMessage());
    String sixty = "<5,R" + "x".repeat(56);
    e = assertThrows(IllegalArgumentException.class, () -> Names.requireValid(sixty));
    assertEquals("not a server name: " + sixty, e.getMessage(), "60 characters are shown whole");
    String shortBad = "<5,Rx";
    e = assertThrows(IllegalArgumentException.class, () -> Names.requireValid(shortBad));
    assertEquals("not a server name: <5,Rx", e.getMessage());
  }

  /**
   * Valid names are remembered once parsed, for the life of the JVM (a mutation run reuses
   * it across runs of this test): each run checks names it has never seen before.
   */
  private static final java.util.concurrent.atomic.AtomicLong FRESH =
      new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);

  /** Deep valid names are accepted; each malformed one is refused with where it went wrong. */
  @Test
  void deepNamesAreValidAndEachMalformedOneSaysWhere() {
    long first = FRESH.getAndAdd(100);
    String deep = "R";
    for (int level = 0; level < 9; level++) {
      deep = "<" + (first + level) + "," + deep + ">";
    }
    assertEquals(deep, Names.requireValid(deep));
    assertEquals(first + 8, Names.createStamp(deep));
    assertEquals(deep.substring(deep.indexOf(',') + 1, deep.length() - 1), Names.parent(deep));
    long wide = 1_234_567_890_123_000_000L + first; // 19 digits
    String wideInside = "<7,<8,<9,<10,<11,<" + wide + ",R>>>>>>";
    assertEquals(wideInside, Names.requireValid(wideInside), "19 digits deep inside");
    assertEquals("not a server name at 0: <,R>", message("<,R>"));
    assertEquals("not a server name at 4: <41,<,R>>", message("<41,<,R>>"));
    assertEquals("not a server name at 0: <42R>", message("<42R>"));
    assertEquals("not a server name at 0: <43", message("<43"));
    assertEquals("not a server name: <44,R>>", message("<44,R>>"));
    assertEquals("not a server name: <45,<46,R>", message("<45,<46,R>"));
    assertEquals("not a server name: <47,<48,R>x", message("<47,<48,R>x"));
    assertEquals("not a server name: <49,Q>", message("<49,Q>"));
    assertEquals("not a server name (null, empty or longer than 16384 characters)",
        message(null));
  }

  private static String message(String name) {
    return assertThrows(IllegalArgumentException.class, () -> Names.requireValid(name), name)
        .getMessage();
  }
}

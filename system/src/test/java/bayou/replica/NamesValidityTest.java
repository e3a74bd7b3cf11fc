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
}

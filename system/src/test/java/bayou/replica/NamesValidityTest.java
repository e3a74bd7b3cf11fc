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
   * Names never seen before in this JVM (parsed names are remembered, so a name another test
   * checked would not be checked again): deep ones are valid, each malformed one is refused
   * with where it went wrong.
   */
  @Test
  void deepNamesAreValidAndEachMalformedOneSaysWhere() {
    String deep = "R";
    for (int level = 0; level < 9; level++) {
      deep = "<" + (31_000 + level) + "," + deep + ">";
    }
    assertEquals(deep, Names.requireValid(deep));
    assertEquals(31_008, Names.createStamp(deep));
    assertEquals(deep.substring(7, deep.length() - 1), Names.parent(deep));
    String wideInside = "<7,<8,<9,<10,<11,<1234567890123456781,R>>>>>>";
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

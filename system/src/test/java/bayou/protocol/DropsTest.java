package bayou.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A flood of drops costs a handful of stderr lines, which still say what and how many. */
class DropsTest {
  @Test
  void theFirstOfAKindInFullThenTheCountsAtPowersOfTen() {
    List<String> lines = new ArrayList<>();
    Drops drops = new Drops(lines::add, false);
    for (int i = 1; i <= 1_000; i++) {
      drops.drop("peer messages", "a peer's message #" + i + ": malformed");
    }
    drops.drop("connections", "a connection without the secret");
    assertEquals(5, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).startsWith("dropped a peer's message #1: malformed (the first"),
        lines.get(0));
    assertEquals("10 peer messages dropped so far; the latest: a peer's message #10: "
        + "malformed", lines.get(1));
    assertTrue(lines.get(3).startsWith("1000 peer messages dropped so far"), lines.get(3));
    assertTrue(lines.get(4).startsWith("dropped a connection without the secret"), lines.get(4));
    assertEquals(1_000, drops.count("peer messages"));
  }

  @Test
  void debuggingShowsEachDrop() {
    List<String> lines = new ArrayList<>();
    Drops drops = new Drops(lines::add, true);
    for (int i = 0; i < 30; i++) {
      drops.drop("peer messages", "a peer's message");
    }
    assertEquals(30, lines.size());
    assertEquals("dropped a peer's message", lines.get(29));
  }
}

package bayou.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Recursive names: the CompleteV rule reads a retired server's creator and stamp from them. */
class NamesTest {
  @Test
  void aChildNameHoldsItsCreateStampAndParent() {
    String child = Names.child(1796159719811003L, Names.child(5, Names.ROOT));
    assertEquals("<1796159719811003,<5,R>>", child);
    assertEquals(1796159719811003L, Names.createStamp(child));
    assertEquals("<5,R>", Names.parent(child));
    assertTrue(Names.isRoot(Names.ROOT));
    assertFalse(Names.isRoot(child));
  }

  @Test
  void theRootAndMalformedNamesHaveNoParent() {
    for (String bad : new String[] {Names.ROOT, "<5R>", "5,R>", "<5,R", ",", null}) {
      assertThrows(IllegalArgumentException.class, () -> Names.parent(bad), bad);
      assertThrows(IllegalArgumentException.class, () -> Names.createStamp(bad), bad);
    }
  }

  @Test
  void aNamesDepthCountsItsCreators() {
    assertEquals(0, Names.depth("R"));
    assertEquals(1, Names.depth("<5,R>"));
    assertEquals(3, Names.depth("<12,<5,<7,R>>>"));
  }

  @Test
  void writesShareOneInstanceOfTheirAcceptorsName() {
    String name = "<12,<5,R>>";
    Write a = new Write(1, new String(name), Write.PUT, "k", "v", 0);
    Write b = new Write(2, new String(name), Write.PUT, "k", "w", 0);
    assertTrue(a.acceptor() == b.acceptor(), "one instance, not a copy per write");
    assertEquals(name, Names.canonical(new String(name)));
  }
}

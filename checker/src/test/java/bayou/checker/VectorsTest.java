package bayou.checker;

import static bayou.checker.Fixture.id;
import static bayou.checker.Fixture.vv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VectorsTest {
  @Test
  void completeVFollowsPetersensRule() {
    assertEquals(7L, Vectors.complete(vv("R", 7), "R"));
    assertEquals(Vectors.RETIRED, Vectors.complete(vv("<5,R>", 9), "R"));
    assertEquals(Vectors.RETIRED, Vectors.complete(vv("R", 5), "<5,R>"));
    assertEquals(Vectors.NOT_CREATED, Vectors.complete(vv("R", 4), "<5,R>"));
    // Nested: <9,<5,R>> is retired when <5,R> (itself retired, so +infinity) passed 9.
    assertEquals(Vectors.RETIRED, Vectors.complete(vv("R", 6), "<9,<5,R>>"));
    assertEquals(Vectors.NOT_CREATED, Vectors.complete(vv("R", 4), "<9,<5,R>>"));
    assertEquals(Vectors.NOT_CREATED, Vectors.complete(vv("R", 4), "garbage"));
  }

  @Test
  void coverAndContainUseCompleteV() {
    assertTrue(Vectors.covers(vv("R", 10, "<5,R>", 3), vv("R", 9)));
    assertFalse(Vectors.covers(vv("R", 8), vv("R", 9)));
    assertTrue(Vectors.covers(vv("<5,R>", 3), vv("R", 9)));
    assertEquals("<5,R>", Vectors.firstUncovered(vv("R", 4), vv("<5,R>", 1)));
    assertTrue(Vectors.contains(vv("R", 10), id(10, "R")));
    assertFalse(Vectors.contains(vv("R", 10), id(11, "R")));
  }
}

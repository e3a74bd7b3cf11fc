package bayou.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The array-held snapshot keeps the map contract of the sorted tree it replaced. */
class VectorSnapshotTest {
  /** Vectors of every size up to a few hundred names, chains and siblings, seeded. */
  @Test
  void answersEveryQueryAsASortedTreeDoes() {
    SplittableRandom random = new SplittableRandom(11);
    for (int size = 0; size < 300; size += 1 + size / 8) {
      Map<String, Long> source = new HashMap<>();
      String parent = Names.ROOT;
      while (source.size() < size) {
        String name = random.nextInt(3) == 0 ? Names.ROOT
            : Names.child(random.nextLong(1, 1_000_000), parent);
        source.put(name, random.nextLong(0, 1_000_000));
        if (random.nextBoolean()) {
          parent = name;
        }
      }
      VectorSnapshot snapshot = new VectorSnapshot(source);
      TreeMap<String, Long> tree = new TreeMap<>(source);
      assertEquals(tree, snapshot);
      assertEquals(snapshot, tree);
      assertEquals(tree.hashCode(), snapshot.hashCode());
      assertEquals(List.copyOf(tree.entrySet()), List.copyOf(snapshot.entrySet()), "sorted");
      assertEquals(List.copyOf(tree.keySet()), List.copyOf(snapshot.keySet()));
      List<String> visited = new java.util.ArrayList<>();
      snapshot.forEach((name, stamp) -> {
        visited.add(name);
        assertEquals(tree.get(name), stamp);
      });
      assertEquals(List.copyOf(tree.keySet()), visited, "forEach in order");
      for (String name : source.keySet()) {
        assertEquals(source.get(name), snapshot.get(new String(name)), "an equal, other string");
        assertTrue(snapshot.containsKey(name));
      }
      assertNull(snapshot.get(Names.child(1_000_001, Names.ROOT)));
      assertFalse(snapshot.containsKey(Names.child(1_000_001, Names.ROOT)));
      assertNull(snapshot.get(42), "a key of another type");
      if (size > 0) {
        assertEquals(tree.firstKey(), snapshot.firstKey());
        assertEquals(tree.lastKey(), snapshot.lastKey());
        assertEquals(tree.headMap(tree.lastKey()), snapshot.headMap(tree.lastKey()));
        assertEquals(tree.tailMap(tree.lastKey()), snapshot.tailMap(tree.lastKey()));
      }
    }
  }

  @Test
  void cannotBeChangedAndOutlivesItsSource() {
    Map<String, Long> source = new HashMap<>(Map.of(Names.ROOT, 3L, Names.child(2, Names.ROOT), 5L));
    VectorSnapshot snapshot = new VectorSnapshot(source);
    source.put(Names.ROOT, 9L);
    assertEquals(3L, snapshot.get(Names.ROOT), "a copy, not a view");
    assertThrows(UnsupportedOperationException.class, () -> snapshot.put("R", 1L));
    assertThrows(UnsupportedOperationException.class, () -> snapshot.remove("R"));
    assertThrows(UnsupportedOperationException.class,
        () -> snapshot.entrySet().iterator().next().setValue(1L));
    assertThrows(UnsupportedOperationException.class, () -> {
      var it = snapshot.entrySet().iterator();
      it.next();
      it.remove();
    });
    VectorSnapshot empty = new VectorSnapshot(Map.of());
    assertThrows(NoSuchElementException.class, empty::firstKey);
    assertTrue(empty.isEmpty());
  }
}

package bayou.replica;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A version vector as {@link VersionVector#toMap} gives it: sorted, unmodifiable, and every name
 * in it already checked when it entered the vector. The wire's checks skip the names of such a
 * map: a client's session vectors list every server it ever heard of, and checking each name
 * again on every request was a tenth of a simulated campaign's CPU.
 *
 * <p>Held as sorted arrays with a hash index on the names: gossip, the session checks and the
 * checkers ask snapshots for single names far more often than anything else, and a look-up in
 * the sorted tree this used to wrap (a descent with a text comparison per level, through an
 * unmodifiable wrapper) was the largest single cost of a simulated run.
 */
public final class VectorSnapshot extends AbstractMap<String, Long>
    implements SortedMap<String, Long> {
  private final String[] names; // sorted
  private final Long[] stamps; // stamps[i] is names[i]'s; boxed once, not on every get
  private final Map.Entry<String, Long>[] entries; // in names' order, for iteration
  /** Open addressing on the names' hashes: index + 1 into names, 0 for an empty slot. */
  private final int[] slots;
  private final Set<Map.Entry<String, Long>> entrySet = new EntrySet();

  /** {@code source}'s names must hold only valid names; it is copied, not kept. */
  @SuppressWarnings("unchecked")
  VectorSnapshot(Map<String, Long> source) {
    names = source.keySet().toArray(new String[0]);
    Arrays.sort(names);
    int n = names.length;
    stamps = new Long[n];
    entries = new Map.Entry[n];
    slots = new int[Integer.highestOneBit(Math.max(2 * n, 2) - 1) << 1];
    for (int i = 0; i < n; i++) {
      stamps[i] = source.get(names[i]);
      entries[i] = new AbstractMap.SimpleImmutableEntry<>(names[i], stamps[i]);
      int slot = home(names[i]);
      while (slots[slot] != 0) {
        slot = (slot + 1) & (slots.length - 1);
      }
      slots[slot] = i + 1;
    }
  }

  private int home(String name) {
    int h = name.hashCode();
    return (h ^ (h >>> 16)) & (slots.length - 1);
  }

  private int indexOf(Object key) {
    if (!(key instanceof String name)) {
      return -1;
    }
    for (int slot = home(name); ; slot = (slot + 1) & (slots.length - 1)) {
      int at = slots[slot] - 1;
      if (at < 0) {
        return -1;
      }
      String held = names[at];
      if (held == name || held.equals(name)) {
        return at;
      }
    }
  }

  @Override
  public Long get(Object name) {
    int at = indexOf(name);
    return at < 0 ? null : stamps[at];
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Long> action) {
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], stamps[i]);
    }
  }

  @Override
  public Set<Map.Entry<String, Long>> entrySet() {
    return entrySet;
  }

  private final class EntrySet extends AbstractSet<Map.Entry<String, Long>> {
    @Override
    public Iterator<Map.Entry<String, Long>> iterator() {
      return Arrays.asList(entries).iterator(); // fixed size: no remove
    }

    @Override
    public int size() {
      return entries.length;
    }
  }

  @Override
  public Comparator<? super String> comparator() {
    return null; // the names' natural order
  }

  @Override
  public String firstKey() {
    if (names.length == 0) {
      throw new NoSuchElementException("an empty vector");
    }
    return names[0];
  }

  @Override
  public String lastKey() {
    if (names.length == 0) {
      throw new NoSuchElementException("an empty vector");
    }
    return names[names.length - 1];
  }

  // Range views are not asked for on the hot paths: a tree copy serves them.

  @Override
  public SortedMap<String, Long> subMap(String fromKey, String toKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).subMap(fromKey, toKey));
  }

  @Override
  public SortedMap<String, Long> headMap(String toKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).headMap(toKey));
  }

  @Override
  public SortedMap<String, Long> tailMap(String fromKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).tailMap(fromKey));
  }
}

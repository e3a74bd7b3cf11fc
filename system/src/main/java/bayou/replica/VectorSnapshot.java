package bayou.replica;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * A version vector as {@link VersionVector#toMap} gives it: sorted, unmodifiable, and every name
 * in it already checked when it entered the vector. The wire's checks skip the names of such a
 * map: a client's session vectors list every server it ever heard of, and checking each name
 * again on every request was a tenth of a simulated campaign's CPU.
 */
public final class VectorSnapshot extends AbstractMap<String, Long>
    implements SortedMap<String, Long> {
  private final SortedMap<String, Long> stamps;

  /** {@code stamps} must not change afterwards, and hold only valid names. */
  VectorSnapshot(SortedMap<String, Long> stamps) {
    this.stamps = java.util.Collections.unmodifiableSortedMap(stamps);
  }

  @Override
  public Long get(Object name) {
    return stamps.get(name);
  }

  @Override
  public boolean containsKey(Object name) {
    return stamps.containsKey(name);
  }

  @Override
  public int size() {
    return stamps.size();
  }

  @Override
  public Set<Map.Entry<String, Long>> entrySet() {
    return stamps.entrySet();
  }

  @Override
  public Set<String> keySet() {
    return stamps.keySet();
  }

  @Override
  public Collection<Long> values() {
    return stamps.values();
  }

  @Override
  public Comparator<? super String> comparator() {
    return stamps.comparator();
  }

  @Override
  public SortedMap<String, Long> subMap(String fromKey, String toKey) {
    return stamps.subMap(fromKey, toKey);
  }

  @Override
  public SortedMap<String, Long> headMap(String toKey) {
    return stamps.headMap(toKey);
  }

  @Override
  public SortedMap<String, Long> tailMap(String fromKey) {
    return stamps.tailMap(fromKey);
  }

  @Override
  public String firstKey() {
    return stamps.firstKey();
  }

  @Override
  public String lastKey() {
    return stamps.lastKey();
  }
}

package bayou.gen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable snapshot of the topology a schedule has built so far: which servers are live,
 * where each client is attached, which links are broken and whether anti-entropy is paused.
 *
 * <p>It is a copy, so a progress display may hold it on another thread while the schedule runs.
 *
 * @param liveServers servers joined and not retired
 * @param clientServers each client's current server (possibly retired, until it is moved)
 * @param brokenLinks broken server-server and client-server links
 * @param paused true between {@code pause} and {@code start}
 */
public record ClusterView(SortedSet<Integer> liveServers, SortedMap<Integer, Integer> clientServers,
    SortedSet<Link> brokenLinks, boolean paused) {

  public ClusterView {
    liveServers = Collections.unmodifiableSortedSet(new TreeSet<>(liveServers));
    clientServers = Collections.unmodifiableSortedMap(new TreeMap<>(clientServers));
    brokenLinks = Collections.unmodifiableSortedSet(new TreeSet<>(brokenLinks));
  }

  /**
   * The connected groups of live servers over unbroken server-server links, each sorted, in the
   * order of their smallest member: one group when the servers are not partitioned.
   */
  public List<SortedSet<Integer>> partition() {
    Map<Integer, Integer> group = new TreeMap<>();
    List<SortedSet<Integer>> groups = new ArrayList<>();
    for (int root : liveServers) {
      if (group.containsKey(root)) {
        continue;
      }
      SortedSet<Integer> members = new TreeSet<>();
      List<Integer> frontier = new ArrayList<>(List.of(root));
      while (!frontier.isEmpty()) {
        int s = frontier.remove(frontier.size() - 1);
        if (group.putIfAbsent(s, groups.size()) != null) {
          continue;
        }
        members.add(s);
        for (int t : liveServers) {
          if (!group.containsKey(t) && t != s && !brokenLinks.contains(new Link(s, t))) {
            frontier.add(t);
          }
        }
      }
      groups.add(Collections.unmodifiableSortedSet(members));
    }
    return List.copyOf(groups);
  }

  /** A one-line summary for a progress display, for example {@code [0 1] [2 3 4] paused}. */
  public String describe() {
    StringJoiner out = new StringJoiner(" ");
    for (SortedSet<Integer> g : partition()) {
      StringJoiner members = new StringJoiner(" ", "[", "]");
      g.forEach(s -> members.add(Integer.toString(s)));
      out.add(members.toString());
    }
    return out + (paused ? " paused" : "");
  }
}

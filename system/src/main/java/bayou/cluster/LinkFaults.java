package bayou.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run's slow links, applied where packets leave: in the sending node's namespace, on its
 * interface. Loss and duplication are nftables rules (a netdev egress chain, {@code numgen
 * random}); delay, jitter and reordering are netem under an HTB class per slow destination, where
 * the kernel has {@code sch_netem} (checked once; without it they are off, said once on stderr).
 * Each change rewrites the sending namespace's rules whole.
 */
final class LinkFaults {
  private final NetNamespaces net;
  /** Per sending namespace: destination IP to its fault. */
  private final Map<String, Map<String, LinkFault>> byNamespace = new HashMap<>();
  private Boolean netem;

  LinkFaults(NetNamespaces net) {
    this.net = net;
  }

  /** Slows the link between two node addresses both ways, or (null) makes it normal again. */
  synchronized void set(int a, int b, LinkFault fault) {
    apply(a, b, fault);
    apply(b, a, fault);
  }

  private void apply(int from, int to, LinkFault fault) {
    String ns = net.namespaceOf(from);
    if (ns == null) {
      return; // that node is gone already
    }
    Map<String, LinkFault> out = byNamespace.computeIfAbsent(ns, k -> new TreeMap<>());
    LinkFault before = fault == null ? out.remove(net.ipOf(to)) : out.put(net.ipOf(to), fault);
    if (fault == null && before == null) {
      return;
    }
    write(ns, out, before != null && before.delays() || fault != null && fault.delays());
  }

  synchronized void forgetNamespace(String ns) {
    byNamespace.remove(ns);
  }

  private void write(String ns, Map<String, LinkFault> out, boolean delaysChanged) {
    StringBuilder rules = new StringBuilder("table netdev slow\ndelete table netdev slow\n");
    if (!out.isEmpty()) {
      rules.append("table netdev slow {\n  chain out {\n")
          .append("    type filter hook egress device \"eth0\" priority 0\n");
      out.forEach((ip, f) -> {
        if (f.loss() > 0) {
          rules.append("    ip daddr ").append(ip).append(" numgen random mod 1000 < ")
              .append(LinkFault.perMille(f.loss())).append(" drop\n");
        }
        if (f.duplicate() > 0) {
          rules.append("    ip daddr ").append(ip).append(" numgen random mod 1000 < ")
              .append(LinkFault.perMille(f.duplicate())).append(" dup to \"eth0\"\n");
        }
      });
      rules.append("  }\n}\n");
    }
    net.nft(ns, rules.toString());
    if (delaysChanged && hasNetem()) {
      net.shell(netemLines(ns, out).toArray(String[]::new));
    }
  }

  /** An HTB root whose default class is untouched, and a netem class per delayed destination. */
  private static List<String> netemLines(String ns, Map<String, LinkFault> out) {
    String tc = "tc -n " + ns + " ";
    List<String> lines = new ArrayList<>();
    lines.add(tc + "qdisc del dev eth0 root 2>/dev/null || true");
    lines.add(tc + "qdisc add dev eth0 root handle 1: htb default 1");
    lines.add(tc + "class add dev eth0 parent 1: classid 1:1 htb rate 10gbit");
    int minor = 10;
    for (Map.Entry<String, LinkFault> e : out.entrySet()) {
      LinkFault f = e.getValue();
      if (!f.delays()) {
        continue;
      }
      String cls = "1:" + Integer.toHexString(minor);
      lines.add(tc + "class add dev eth0 parent 1: classid " + cls + " htb rate 10gbit");
      lines.add(tc + "qdisc add dev eth0 parent " + cls + " netem delay " + f.delayMs() + "ms "
          + f.jitterMs() + "ms" + (f.reorder() > 0 ? " reorder "
          + Math.round(f.reorder() * 100) + "%" : ""));
      lines.add(tc + "filter add dev eth0 parent 1: protocol ip prio 1 u32 match ip dst "
          + e.getKey() + "/32 flowid " + cls);
      minor++;
    }
    return lines;
  }

  private boolean hasNetem() {
    if (netem == null) {
      String ns = net.bridgeNamespace();
      try {
        net.shell("tc -n " + ns + " qdisc add dev " + NetNamespaces.BRIDGE + " root netem delay 1ms",
            "tc -n " + ns + " qdisc del dev " + NetNamespaces.BRIDGE + " root");
        netem = true;
      } catch (ClusterException e) {
        netem = false;
        System.err.println("bayou: this kernel has no sch_netem: slow links lose and duplicate "
            + "packets (nftables) but add no delay, jitter or reordering");
      }
    }
    return netem;
  }
}

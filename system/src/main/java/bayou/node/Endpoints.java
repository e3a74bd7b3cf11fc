package bayou.node;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Where a node listens and how a peer's address (an int in every address book) becomes a socket
 * address. On loopback the int is the peer's port. In a network namespace of its own
 * ({@code --net netns}) a node has its own IPv4 address in the run's /16, and the int is the
 * address's last two bytes above the port: {@code host << 16 | port}.
 */
final class Endpoints {
  /** This node's IPv4 address when it runs in a namespace of its own; absent on loopback. */
  static final String SELF_PROPERTY = "bayou.net.self";
  /** The master's IPv4 address (its control listener) when nodes run in namespaces. */
  static final String MASTER_PROPERTY = "bayou.net.master";

  private final InetAddress self;
  private final InetAddress master;
  private final boolean namespaced;

  private Endpoints(InetAddress self, InetAddress master, boolean namespaced) {
    this.self = self;
    this.master = master;
    this.namespaced = namespaced;
  }

  static Endpoints fromProperties() {
    String self = System.getProperty(SELF_PROPERTY);
    if (self == null) {
      InetAddress loopback = InetAddress.getLoopbackAddress();
      return new Endpoints(loopback, loopback, false);
    }
    return new Endpoints(parse(self), parse(System.getProperty(MASTER_PROPERTY, self)), true);
  }

  private static InetAddress parse(String ipv4) {
    try {
      return InetAddress.getByName(ipv4); // a literal: no name lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IPv4 address: " + ipv4, e);
    }
  }

  InetAddress self() {
    return self;
  }

  InetAddress master() {
    return master;
  }

  /** This node's address for the others' address books, given the port it listens on. */
  int address(int port) {
    if (!namespaced) {
      return port;
    }
    byte[] ip = self.getAddress();
    return ((ip[2] & 0xff) << 24) | ((ip[3] & 0xff) << 16) | port;
  }

  /** The socket address of a peer's address-book entry. */
  InetSocketAddress socketOf(int address) {
    if (!namespaced) {
      return new InetSocketAddress(self, address);
    }
    byte[] ip = self.getAddress().clone();
    ip[2] = (byte) (address >>> 24);
    ip[3] = (byte) (address >>> 16);
    try {
      return new InetSocketAddress(InetAddress.getByAddress(ip), address & 0xffff);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always an address
    }
  }
}

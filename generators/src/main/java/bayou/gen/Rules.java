package bayou.gen;

/** The validity rules of {@link Model}, one method per kind of step. */
final class Rules {
  private Rules() {
  }

  static String problem(Model m, Step step) {
    if (step instanceof Step.JoinServer s) {
      return joinServer(m, s.id());
    } else if (step instanceof Step.RetireServer s) {
      return retire(m, s.id());
    } else if (step instanceof Step.JoinClient s) {
      return joinClient(m, s.client(), s.server());
    } else if (step instanceof Step.BreakConnection s) {
      String p = link(m, s.a(), s.b());
      return p != null ? p : m.isBroken(s.a(), s.b()) ? "the link is already broken" : null;
    } else if (step instanceof Step.RestoreConnection s) {
      // Restoring an unbroken link is the course idiom for moving a client, so it is allowed.
      return link(m, s.a(), s.b());
    } else if (step instanceof Step.Slow s) {
      String p = slowEnds(m, s.a(), s.b());
      return p != null ? p : m.isSlow(s.a(), s.b()) ? "already slow" : null;
    } else if (step instanceof Step.Fast s) {
      String p = slowEnds(m, s.a(), s.b());
      return p != null ? p : m.isSlow(s.a(), s.b()) ? null : "not slow";
    } else if (step instanceof Step.Pause) {
      return m.paused() ? "already paused" : null;
    } else if (step instanceof Step.Start) {
      return m.paused() ? null : "start without a pause";
    } else if (step instanceof Step.PrintLog s) {
      return m.isLive(s.id()) || m.isDown(s.id()) ? null : notLive(m, s.id());
    } else if (step instanceof Step.KillServer s) {
      return takeDown(m, s.id());
    } else if (step instanceof Step.FreezeServer s) {
      return takeDown(m, s.id());
    } else if (step instanceof Step.RestartServer s) {
      return m.isKilled(s.id()) ? null : "server " + s.id() + " is not killed";
    } else if (step instanceof Step.ThawServer s) {
      return m.isFrozen(s.id()) ? null : "server " + s.id() + " is not frozen";
    } else if (step instanceof Step.SkewClock s) {
      return m.isLive(s.id()) ? null : notLive(m, s.id());
    } else if (step instanceof Step.Put s) {
      return clientOp(m, s.client());
    } else if (step instanceof Step.Get s) {
      return clientOp(m, s.client());
    } else if (step instanceof Step.Delete s) {
      return clientOp(m, s.client());
    }
    return null; // stabilize
  }

  /** A kill or a freeze: of a server that is up, never the last one up. */
  private static String takeDown(Model m, int id) {
    if (!m.isLive(id)) {
      return notLive(m, id);
    }
    return m.live().size() == 1 ? "server " + id + " is the last server up" : null;
  }

  private static String joinServer(Model m, int id) {
    if (m.isLive(id) || m.isRetired(id) || m.isDown(id)) {
      return "server id " + id + " is already used";
    }
    return m.isClient(id) ? "id " + id + " is a client" : null;
  }

  private static String retire(Model m, int id) {
    if (!m.isLive(id)) {
      return notLive(m, id);
    }
    if (m.live().size() == 1) {
      return "server " + id + " is the last live server";
    }
    // A retirement hands its writes over by a direct hand-off, not by anti-entropy, so it
    // goes on during a pause (a corner of its own: see Corners).
    return m.hasPeer(id) ? null : "server " + id + " reaches no other live server";
  }

  private static String joinClient(Model m, int client, int server) {
    if (!m.isLive(server)) {
      return notLive(m, server);
    }
    if (m.isLive(client) || m.isRetired(client) || m.isDown(client)) {
      return "id " + client + " is a server";
    }
    return m.isBroken(client, server)
        ? "the link between client " + client + " and server " + server + " is broken" : null;
  }

  /** Two live servers, or a known client and a live server. */
  private static String link(Model m, int a, int b) {
    boolean aServer = m.isLive(a);
    boolean bServer = m.isLive(b);
    if (aServer && bServer) {
      return null;
    }
    if (aServer && m.isClient(b) || bServer && m.isClient(a)) {
      return null;
    }
    if (m.isClient(a) && m.isClient(b)) {
      return "a link joins two servers or a client and a server, not two clients";
    }
    int bad = aServer || m.isClient(a) ? b : a;
    if (m.isDown(bad)) {
      return notLive(m, bad);
    }
    return "id " + bad + " is neither a live server nor a known client";
  }

  /** A slow fault names one live server, or two. */
  private static String slowEnds(Model m, int a, int b) {
    if (!m.isLive(a)) {
      return notLive(m, a);
    }
    return b < 0 || m.isLive(b) ? null : notLive(m, b);
  }

  private static String clientOp(Model m, int client) {
    if (!m.isClient(client)) {
      return "client " + client + " never joined";
    }
    int server = m.serverOf(client);
    if (m.isDown(server)) {
      return "client " + client + "'s server " + server + " is down";
    }
    if (!m.isLive(server)) {
      return "client " + client + "'s server " + server + " is retired";
    }
    return m.connected(client) ? null
        : "client " + client + "'s link to its server " + server + " is broken";
  }

  private static String notLive(Model m, int id) {
    if (m.isDown(id)) {
      return "server " + id + " is " + (m.isKilled(id) ? "killed" : "frozen");
    }
    return m.isRetired(id) ? "server " + id + " is retired" : "server " + id + " never joined";
  }
}

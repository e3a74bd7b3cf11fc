package bayou.cli;

import bayou.report.StoreServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A local, read-only web view of the runs in a store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves the store's runs to a browser: a table of runs (filter by verdict, "
        + "sort by any column) and each run's report, timeline, plots and files. Read-only.",
        "Prints the address on stdout and runs until interrupted (Ctrl-C)."})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--store", paramLabel = "DIR", defaultValue = "store",
      description = "The store to serve (default ${DEFAULT-VALUE}).")
  Path store;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
  String host;

  @Override
  public Integer call() throws Exception {
    StoreServer server = StoreServer.start(store, host, port);
    System.out.println("http://" + host + ":" + server.port() + "/");
    System.out.flush();
    new CountDownLatch(1).await(); // until the process is interrupted
    return 0;
  }
}

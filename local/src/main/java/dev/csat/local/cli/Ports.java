package dev.csat.local.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port checks that turn "address already in use" into a message naming the setting to change. */
final class Ports {
  private Ports() {}

  /** Fails early, before slow start-up work, when host:port cannot be bound. */
  static void requireFree(String host, int port, String setting) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw inUse(host, port, setting, e);
    }
  }

  static CliException inUse(String host, int port, String setting, Throwable cause) {
    if (cause instanceof BindException || cause.getCause() instanceof BindException) {
      return new CliException("port " + port + " on " + host + " is in use: stop what listens there or set "
          + setting + " to another port", cause);
    }
    return new CliException("cannot listen on " + host + ":" + port + " (" + setting + "): " + cause.getMessage(), cause);
  }

  /** True when something accepts connections on host:port. */
  static boolean listening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

package dev.csat.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One handler instance per function, created on first use with its public no-argument
 * constructor, as one Lambda execution environment would (static state and the handler's
 * fields live as long as the process). Calls on an instance may run concurrently.
 */
public final class FunctionInstances {
  private final Map<String, RequestHandler<Object, Object>> instances = new ConcurrentHashMap<>();
  private final ClassLoader classLoader;

  public FunctionInstances() {
    this(Thread.currentThread().getContextClassLoader());
  }

  public FunctionInstances(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  /**
   * The function's handler, created if needed (concurrent first calls create it once).
   *
   * @throws FunctionLoadException when the class is missing, not a {@link RequestHandler},
   *     or its constructor fails (the "init error" of a real cold start)
   */
  public RequestHandler<Object, Object> handler(String functionId, String handlerClass) {
    return instances.computeIfAbsent(functionId, id -> create(id, handlerClass));
  }

  /** The handler class, loaded without creating an instance. */
  public Class<?> handlerClass(String functionId, String handlerClass) {
    try {
      return Class.forName(handlerClass, false, classLoader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new FunctionLoadException(functionId + ": handler class " + handlerClass + " is not on the class path", e);
    }
  }

  @SuppressWarnings("unchecked")
  private RequestHandler<Object, Object> create(String functionId, String handlerClass) {
    Class<?> type = handlerClass(functionId, handlerClass);
    if (!RequestHandler.class.isAssignableFrom(type)) {
      throw new FunctionLoadException(functionId + ": " + handlerClass + " is not a RequestHandler", null);
    }
    try {
      return (RequestHandler<Object, Object>) type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new FunctionLoadException(functionId + ": " + handlerClass + " failed to initialise: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new FunctionLoadException(functionId + ": cannot create " + handlerClass + " with its public no-argument constructor", e);
    }
  }

  /** The function cannot be loaded or initialised. */
  public static final class FunctionLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FunctionLoadException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

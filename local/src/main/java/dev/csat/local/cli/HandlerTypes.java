package dev.csat.local.cli;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The event type of a handler class, found as the Lambda runtime finds it: the first type
 * argument of {@code RequestHandler<I, O>}, followed through superclasses and their type
 * arguments ({@code ApiHandler<B, R> implements RequestHandler<APIGatewayProxyRequestEvent, ...>}).
 */
final class HandlerTypes {
  private HandlerTypes() {}

  /** The event class, or empty when the handler is not a {@link RequestHandler} with a known type. */
  static Optional<Class<?>> eventType(Class<?> handler) {
    return Optional.ofNullable(find(handler, Map.of()));
  }

  private static Class<?> find(Class<?> type, Map<TypeVariable<?>, Type> bindings) {
    if (type == null || type == Object.class) {
      return null;
    }
    for (Type candidate : type.getGenericInterfaces()) {
      Class<?> found = inSupertype(candidate, bindings);
      if (found != null) {
        return found;
      }
    }
    return inSupertype(type.getGenericSuperclass(), bindings);
  }

  private static Class<?> inSupertype(Type supertype, Map<TypeVariable<?>, Type> bindings) {
    if (supertype instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
      Type[] arguments = parameterized.getActualTypeArguments();
      if (raw == RequestHandler.class) {
        return erase(arguments[0], bindings);
      }
      Map<TypeVariable<?>, Type> inner = new HashMap<>();
      TypeVariable<?>[] variables = raw.getTypeParameters();
      for (int i = 0; i < variables.length; i++) {
        Type argument = arguments[i];
        inner.put(variables[i], argument instanceof TypeVariable<?> variable ? bindings.getOrDefault(variable, Object.class) : argument);
      }
      return find(raw, inner);
    }
    if (supertype instanceof Class<?> raw) {
      return raw == RequestHandler.class ? Object.class : find(raw, Map.of());
    }
    return null;
  }

  private static Class<?> erase(Type type, Map<TypeVariable<?>, Type> bindings) {
    return switch (type) {
      case Class<?> plain -> plain;
      case ParameterizedType parameterized -> (Class<?>) parameterized.getRawType();
      case TypeVariable<?> variable -> bindings.containsKey(variable) ? erase(bindings.get(variable), Map.of()) : Object.class;
      default -> Object.class;
    };
  }
}

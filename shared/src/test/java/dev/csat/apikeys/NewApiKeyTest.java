package dev.csat.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.csat.auth.Scopes;
import dev.csat.core.Checks;
import dev.csat.core.InvalidParam;
import dev.csat.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import java.util.function.Consumer;

class NewApiKeyTest {
  @Test
  void scopesAreSortedWithoutRepeats() {
    var key = new NewApiKey("ci", List.of(Scopes.FEEDBACK_READ, Scopes.CATALOG_WRITE, Scopes.FEEDBACK_READ));
    assertEquals(List.of(Scopes.CATALOG_WRITE, Scopes.FEEDBACK_READ), key.scopes());
  }

  @Test
  void acceptsScopesOfTheSpecification() {
    Checks checks = new Checks();
    assertEquals(List.of(Scopes.KEYS_MANAGE), NewApiKey.checkScopes(checks, "scopes", List.of(Scopes.KEYS_MANAGE)));
    checks.throwIfAny();
  }

  @Test
  void reportsAnEmptyListAndEachUnknownScope() {
    assertEquals(List.of("scopes"), problems(checks -> NewApiKey.checkScopes(checks, "scopes", List.of())));
    assertEquals(List.of("scopes[1]", "scopes[2]"), problems(checks ->
        NewApiKey.checkScopes(checks, "scopes", List.of(Scopes.CONFIG_READ, "admin", "CONFIG:READ"))));
    Checks checks = new Checks();
    assertNull(NewApiKey.checkScopes(checks, "scopes", List.of("admin")));
  }

  private static List<String> problems(Consumer<Checks> check) {
    Checks checks = new Checks();
    check.accept(checks);
    return assertThrows(ValidationException.class, checks::throwIfAny).invalidParams().stream().map(InvalidParam::name).toList();
  }
}

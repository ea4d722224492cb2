package dev.csat.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {
  private static final Path REPO = Path.of(System.getProperty("csat.repo.root", "..")).toAbsolutePath().normalize();

  // ---------------------------------------------------------------- the real template.yaml

  @Test
  void theTemplatesUsagePlanForApiKeysMetersTheLocalGatewayToo() {
    var routes = RouteTable.from(SamTemplate.load(REPO.resolve("template.yaml")));
    // The parameters' defaults: ApiKeyThrottlingRateLimit, ApiKeyThrottlingBurstLimit, ApiKeyQuotaPerDay.
    assertEquals(new UsagePlanLimits(50, 100, 1_000_000), routes.apiKeyPlan().orElseThrow());
  }

  @Test
  void everyApiEventOfTheTemplateIsARouteToItsFunction() {
    SamTemplate template = SamTemplate.load(REPO.resolve("template.yaml"));
    RouteTable routes = RouteTable.from(template);
    int events = 0;
    for (FunctionSpec function : template.functions()) {
      for (FunctionSpec.ApiEvent event : function.apiEvents()) {
        events++;
        String path = event.path().replaceAll("\\{([^}+]+)\\+?}", "sample-$1");
        var found = assertInstanceOf(RouteTable.Found.class, routes.find(event.method(), path),
            event.method() + " " + event.path());
        assertEquals(function.logicalId(), found.route().functionId());
        assertEquals(function.handlerClass(), found.route().handlerClass());
        assertEquals(event.path(), found.route().pathTemplate());
      }
    }
    assertTrue(events > 0, "the template has Api events");
    assertEquals(events, routes.routes().size());
  }

  @Test
  void functionsWithoutApiEventsGetNoRoute() {
    SamTemplate template = SamTemplate.load(REPO.resolve("template.yaml"));
    Set<String> routed = RouteTable.from(template).routes().stream().map(Route::functionId).collect(Collectors.toSet());
    Set<String> api = template.functions().stream().filter(FunctionSpec::isApi).map(FunctionSpec::logicalId)
        .collect(Collectors.toSet());
    assertEquals(api, routed);
    assertTrue(template.functions().stream().anyMatch(function -> !function.isApi()),
        "the migration function is in the template without a route");
  }

  @Test
  void theTemplatesHandlerClassesAreOnTheClassPath() {
    var functions = new FunctionInstances();
    for (FunctionSpec function : SamTemplate.load(REPO.resolve("template.yaml")).functions()) {
      assertFalse(function.handlerClass().contains("::"));
      functions.handlerClass(function.logicalId(), function.handlerClass());
    }
  }

  @Test
  void shortFormIntrinsicsAreReadAndRefsToParametersResolve() throws IOException {
    SamTemplate template = testTemplate();
    assertEquals("test", template.stageName(), "StageName: !Ref Stage, whose Default is test");
    assertEquals("dev.csat.local.gateway.StubHandler", template.function("ItemFunction").orElseThrow().handlerClass());
    assertEquals("dev.csat.local.gateway.StubHandler", template.function("SpecialItemFunction").orElseThrow().handlerClass());
    assertEquals(Duration.ofSeconds(29), template.function("ItemFunction").orElseThrow().timeout(), "from Globals");
    assertEquals(Duration.ofSeconds(300), template.function("ScheduledFunction").orElseThrow().timeout());
    assertFalse(template.function("ScheduledFunction").orElseThrow().isApi(), "a Schedule event is no route");
    assertEquals(2, template.function("EchoFunction").orElseThrow().apiEvents().size());
  }

  // ---------------------------------------------------------------- matching

  @Test
  void aLiteralSegmentBeatsAParameterWhateverTheOrder() {
    for (var routes : List.of(
        table("GET /items/{id} Param", "GET /items/special Literal"),
        table("GET /items/special Literal", "GET /items/{id} Param"))) {
      assertEquals("Literal", function(routes.find("GET", "/items/special")));
      assertEquals("Param", function(routes.find("GET", "/items/other")));
    }
  }

  @Test
  void aParameterBeatsAGreedyParameterAndLiteralsDecideFromTheLeft() {
    RouteTable routes = table(
        "GET /files/{path+} Greedy",
        "GET /files/{name} One",
        "GET /{kind}/special Late",
        "GET /files/{name}/meta Meta");
    assertEquals("One", function(routes.find("GET", "/files/a")));
    assertEquals("Greedy", function(routes.find("GET", "/files/a/b/c")));
    assertEquals("Meta", function(routes.find("GET", "/files/a/meta")));
    assertEquals("Late", function(routes.find("GET", "/other/special")));
    var greedy = (RouteTable.Found) routes.find("GET", "/files/a/b%20c/d");
    assertEquals(Map.of("path", "a/b c/d"), greedy.pathParameters());
  }

  @Test
  void aKnownPathWithAnotherMethodIsAWrongMethodListingWhatItAllows() {
    RouteTable routes = table("GET /items List", "POST /items Create", "DELETE /items/{id} Delete");
    var wrong = assertInstanceOf(RouteTable.WrongMethod.class, routes.find("PUT", "/items"));
    assertEquals(List.of("GET", "POST"), List.copyOf(wrong.allowed()));
  }

  @Test
  void anyMethodMatchesEveryMethod() {
    RouteTable routes = table("ANY /proxy/{rest+} Proxy");
    assertEquals("Proxy", function(routes.find("PATCH", "/proxy/a/b")));
  }

  @ParameterizedTest
  @CsvSource({
      "/items/1/extra", "/item", "/items/", "/", "/items//", "/items/1/"
  })
  void unknownPathsAreNoRoute(String path) {
    RouteTable routes = table("GET /items List", "GET /items/{id} Get");
    assertInstanceOf(RouteTable.NoRoute.class, routes.find("GET", path));
  }

  @Test
  void pathParametersArriveDecodedWithPlusKept() {
    RouteTable routes = table("GET /products/{product_key}/features/{feature_key} Get");
    var found = (RouteTable.Found) routes.find("GET", "/products/acme%2Eapp/features/a+b%20c");
    assertEquals(Map.of("product_key", "acme.app", "feature_key", "a+b c"), found.pathParameters());
  }

  @Test
  void twoFunctionsOnOneMethodAndPathAreATemplateError() {
    var error = assertThrows(TemplateException.class, () -> table("GET /items A", "GET /items B"));
    assertTrue(error.getMessage().contains("A") && error.getMessage().contains("B"), error.getMessage());
  }

  @Test
  void anUnreadableTemplateSaysWhichFileAndWhy() {
    var missing = assertThrows(TemplateException.class, () -> SamTemplate.load(REPO.resolve("no-such-template.yaml")));
    assertTrue(missing.getMessage().contains("no-such-template.yaml"), missing.getMessage());
    var malformed = assertThrows(TemplateException.class, () -> SamTemplate.parse("Resources: [unclosed", "bad.yaml"));
    assertTrue(malformed.getMessage().contains("bad.yaml") && malformed.getMessage().contains("line"), malformed.getMessage());
  }

  // ---------------------------------------------------------------- helpers

  static SamTemplate testTemplate() throws IOException {
    try (InputStream in = RouteTableTest.class.getResourceAsStream("/gateway-template.yaml")) {
      return SamTemplate.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "gateway-template.yaml");
    }
  }

  /** Routes from "METHOD /path FunctionId" lines. */
  private static RouteTable table(String... lines) {
    return RouteTable.of(List.of(lines).stream().map(line -> line.split(" "))
        .map(parts -> new Route(parts[0], parts[1], parts[2], "none")).toList(), "test");
  }

  private static String function(RouteTable.Lookup lookup) {
    return assertInstanceOf(RouteTable.Found.class, lookup).route().functionId();
  }
}

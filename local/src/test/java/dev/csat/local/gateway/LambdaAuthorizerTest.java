package dev.csat.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gateway running a Lambda authorizer from the template ({@link AuthorizerContext#lambda})
 * before the function, over HTTP: {@link StubAuthorizer} answers as each request asks, and
 * {@link AuthorizedEchoHandler} shows what reached the function. No database.
 */
class LambdaAuthorizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String TEMPLATE = """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Api:
          Type: AWS::Serverless::Api
          Properties:
            StageName: test
        EchoFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.csat.local.gateway.AuthorizedEchoHandler::handleRequest
            Events:
              Get:
                Type: Api
                Properties:
                  RestApiId: !Ref Api
                  Path: /things/{id}
                  Method: get
        AuthorizerFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.csat.local.gateway.StubAuthorizer::handleRequest
      """;
  private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  private static LocalGateway gateway;

  @BeforeAll
  static void start() throws IOException {
    SamTemplate template = SamTemplate.parse(TEMPLATE, "lambda-authorizer-test.yaml");
    FunctionSpec authorizer = template.function("AuthorizerFunction").orElseThrow();
    gateway = LocalGateway.start(RouteTable.from(template), new FunctionInstances(),
        AuthorizerContext.lambda(new FunctionInstances(), authorizer.logicalId(), authorizer.handlerClass()),
        "127.0.0.1", 0, new PrintStream(LOG, true, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void anAllowPutsThePolicyContextAndPrincipalIdInTheFunctionsEvent() throws Exception {
    int before = AuthorizedEchoHandler.INVOCATIONS.get();
    var response = send("/things/42?x=1", "allow");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(before + 1, AuthorizedEchoHandler.INVOCATIONS.get());
    JsonNode authorizer = JSON.readTree(response.body());
    assertEquals("stub-tenant", authorizer.path("tenant").asText());
    assertEquals(StubAuthorizer.PRINCIPAL, authorizer.path("principal").asText());
    assertEquals("config:read feedback:read", authorizer.path("scopes").asText());
    assertEquals("user@example.com", authorizer.path("email").asText());
    assertEquals(StubAuthorizer.PRINCIPAL, authorizer.path("principalId").asText(), "API Gateway adds principalId");
  }

  @Test
  void theAuthorizerGetsTheRequestEventApiGatewaySends() throws Exception {
    assertEquals(200, send("/things/42?x=1", "allow", "Authorization", "Bearer abc").statusCode());
    var event = StubAuthorizer.LAST_EVENT.get();
    assertEquals("REQUEST", event.getType());
    assertEquals("arn:aws:execute-api:us-east-1:000000000000:local/test/GET/things/42", event.getMethodArn());
    assertEquals("/things/{id}", event.getResource());
    assertEquals("/things/42", event.getPath());
    assertEquals("GET", event.getHttpMethod());
    assertEquals("42", event.getPathParameters().get("id"));
    assertEquals("1", event.getQueryStringParameters().get("x"));
    assertEquals("Bearer abc", StubAuthorizer.header(event.getHeaders(), "Authorization"));
  }

  @Test
  void anAllowOfExactlyThisMethodArnLetsTheRequestThrough() throws Exception {
    var response = send("/things/7", "allow-this-method");
    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void unauthorizedThrownIsA401ProblemAndTheFunctionDoesNotRun() throws Exception {
    rejected("unauthorized", 401, "unauthorized");
  }

  @Test
  void anyOtherFailureIsA500ProblemAndTheFunctionDoesNotRun() throws Exception {
    var response = rejected("fail", 500, "internal");
    assertFalse(response.body().contains("on purpose"), "the cause stays out of the response");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "deny",       // Deny on this method ARN
      "deny-wins",  // Allow on the whole stage, Deny on this method ARN: a Deny always wins
      "elsewhere",  // Allow on another API's resources only: nothing matches this method ARN
  })
  void aPolicyThatDoesNotAllowThisMethodIsA403ProblemAndTheFunctionDoesNotRun(String answer) throws Exception {
    rejected(answer, 403, "forbidden");
  }

  private static HttpResponse<String> rejected(String answer, int status, String code) throws Exception {
    int before = AuthorizedEchoHandler.INVOCATIONS.get();
    var response = send("/things/42", answer);
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode problem = JSON.readTree(response.body());
    assertEquals(status, problem.path("status").asInt());
    assertEquals(code, problem.path("code").asText());
    assertEquals("/things/42", problem.path("instance").asText());
    assertFalse(problem.path("request_id").asText().isBlank());
    assertEquals(problem.path("request_id").asText(), response.headers().firstValue("x-request-id").orElseThrow());
    assertFalse(response.body().contains("stub-tenant"), "nothing of the policy leaks");
    assertEquals(before, AuthorizedEchoHandler.INVOCATIONS.get(), "the function must not run");
    return response;
  }

  private static HttpResponse<String> send(String pathAndQuery, String answer, String... headers) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(gateway.endpoint() + pathAndQuery)).header(StubAuthorizer.ANSWER, answer);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

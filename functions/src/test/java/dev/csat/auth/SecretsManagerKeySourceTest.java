package dev.csat.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

class SecretsManagerKeySourceTest {
  private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:csat-jwt-keys";
  private static final String KEYS = "{\"k1\":\"0123456789abcdef0123456789abcdef\"}";

  private final FakeSecretsManager secretsManager = new FakeSecretsManager();
  private final SecretsManagerKeySource source = new SecretsManagerKeySource(
      SecretsProvider.builder().withClient(secretsManager).withCacheManager(SecretsManagerKeySource.cache()).build(), ARN);

  @Test
  void readsTheKeySetFromTheSecret() {
    assertEquals(Set.of("k1"), source.current().kids());
  }

  @Test
  void cachesTheSecretAndParsesItOnce() {
    JwtKeys first = source.current();
    JwtKeys second = source.current();

    assertEquals(1, secretsManager.calls.get());
    assertSame(first, second);
  }

  /** Secrets Manager answering from memory, counting the calls that would cost a round trip. */
  private static final class FakeSecretsManager implements SecretsManagerClient {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
      calls.incrementAndGet();
      assertEquals(ARN, request.secretId());
      return GetSecretValueResponse.builder().arn(ARN).secretString(KEYS).build();
    }

    @Override
    public String serviceName() {
      return "secretsmanager";
    }

    @Override
    public void close() {}
  }
}

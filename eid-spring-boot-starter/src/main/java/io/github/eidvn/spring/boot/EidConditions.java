package io.github.eidvn.spring.boot;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The starter's conditions on properties that {@code @ConditionalOnProperty} cannot express (lists, either-or). */
final class EidConditions {

    private EidConditions() {
    }

    /** {@code eid.verifier.issuers} has at least one entry. */
    static final class IssuersConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            List<EidProperties.Issuer> issuers = Binder.get(context.getEnvironment())
                    .bind("eid.verifier.issuers", Bindable.listOf(EidProperties.Issuer.class)).orElse(List.of());
            return issuers.isEmpty() ? ConditionOutcome.noMatch("no eid.verifier.issuers")
                    : ConditionOutcome.match(issuers.size() + " eid.verifier.issuers");
        }
    }

    /** {@code spring.data.redis.url} or {@code spring.data.redis.host} is set. */
    static final class RedisConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            return env.containsProperty("spring.data.redis.url") || env.containsProperty("spring.data.redis.host")
                    ? ConditionOutcome.match("spring.data.redis.* is set")
                    : ConditionOutcome.noMatch("neither spring.data.redis.url nor spring.data.redis.host is set");
        }
    }

    /** The Redis state store applies: eid-redis and Lettuce are on the class path and Redis is configured. */
    static boolean redisApplies(ConditionContext context) {
        ClassLoader cl = context.getClassLoader();
        return present("io.github.eidvn.redis.RedisStateStore", cl) && present("io.lettuce.core.RedisClient", cl)
                && new RedisConfigured().getMatchOutcome(context, null).isMatch();
    }

    private static boolean present(String className, ClassLoader cl) {
        try {
            Class.forName(className, false, cl);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The in-memory state store applies: the Redis one does not. */
    static final class RedisNotUsed extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return redisApplies(context) ? ConditionOutcome.noMatch("the Redis state store applies")
                    : ConditionOutcome.match("no Redis state store (eid-redis, Lettuce or spring.data.redis.* absent)");
        }
    }
}

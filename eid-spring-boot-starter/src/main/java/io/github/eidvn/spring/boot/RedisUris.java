package io.github.eidvn.spring.boot;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.core.env.Environment;

/** The Redis URI of {@code spring.data.redis.*}, as Spring Boot's own Redis properties describe it. */
final class RedisUris {

    private RedisUris() {
    }

    /**
     * {@code spring.data.redis.url} when set, else one built from {@code host}, {@code port} (6379),
     * {@code username}, {@code password}, {@code database} and {@code ssl.enabled}.
     *
     * @param env the environment
     * @return the URI (it may hold the password: never log it)
     */
    static String of(Environment env) {
        String url = env.getProperty("spring.data.redis.url");
        if (url != null && !url.isBlank()) {
            return url;
        }
        boolean ssl = env.getProperty("spring.data.redis.ssl.enabled", Boolean.class, false);
        String user = env.getProperty("spring.data.redis.username");
        String password = env.getProperty("spring.data.redis.password");
        StringBuilder b = new StringBuilder(ssl ? "rediss://" : "redis://");
        if (password != null) {
            if (user != null) {
                b.append(URLEncoder.encode(user, StandardCharsets.UTF_8));
            }
            b.append(':').append(URLEncoder.encode(password, StandardCharsets.UTF_8)).append('@');
        }
        b.append(env.getProperty("spring.data.redis.host", "localhost")).append(':')
                .append(env.getProperty("spring.data.redis.port", Integer.class, 6379)).append('/')
                .append(env.getProperty("spring.data.redis.database", Integer.class, 0));
        return b.toString();
    }
}

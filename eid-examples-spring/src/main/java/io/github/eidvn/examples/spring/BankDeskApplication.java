package io.github.eidvn.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot web app on {@code eid-spring-boot-starter}: a hospital reception check-in endpoint
 * ({@link CheckInController}) and an app login with one device per account ({@link LoginController}), all from
 * {@code eid.*} properties ({@code application.properties}).
 */
@SpringBootApplication
public class BankDeskApplication {

    /**
     * Starts the app.
     *
     * @param args Spring Boot arguments, e.g. {@code --eid.verifier.issuers[0].jwks=file:/path/jwks.json}
     */
    public static void main(String[] args) {
        SpringApplication.run(BankDeskApplication.class, args);
    }
}

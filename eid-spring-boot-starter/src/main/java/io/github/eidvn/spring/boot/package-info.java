/**
 * Spring Boot auto-configuration of eid: {@link io.github.eidvn.spring.boot.EidAutoConfiguration} from the
 * {@code eid.*} properties of {@link io.github.eidvn.spring.boot.EidProperties}, and Actuator health indicators
 * ({@link io.github.eidvn.spring.boot.EidHealthAutoConfiguration}).
 */
package io.github.eidvn.spring.boot;

/**
 * Spring Security for eid accounts: password login with the single-device rule
 * ({@link io.github.eidvn.spring.boot.security.EidPasswordAuthenticationProvider}) and validation of eid session
 * tokens ({@link io.github.eidvn.spring.boot.security.EidSessionTokenFilter}).
 */
package io.github.eidvn.spring.boot.security;

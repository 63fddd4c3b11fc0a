/**
 * Passwords: policies with the VNeID, public-service-portal and NIST SP 800-63B presets (every failed rule at once,
 * in Vietnamese and English), the bundled common-password blocklist, the breached-password check (Have I Been Pwned
 * k-anonymity range API), maximum age and history, and Argon2id hashing in PHC string format.
 */
package io.github.eidvn.account.password;

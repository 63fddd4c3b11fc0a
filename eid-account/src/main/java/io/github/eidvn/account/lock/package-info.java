/**
 * Account locks (user-requested, authority-requested, brute force) with automatic unlock when the grounds end, and
 * per-source throttling of failed attempts.
 */
package io.github.eidvn.account.lock;

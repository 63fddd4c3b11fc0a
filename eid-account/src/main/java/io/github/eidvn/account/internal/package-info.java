/**
 * Implementation helpers of the account packages (compact value encoding, code hashing, input checks). Not exported.
 */
package io.github.eidvn.account.internal;

/**
 * The eid command-line tool.
 */
package io.github.eidvn.cli;

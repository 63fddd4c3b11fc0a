package io.github.eidvn.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;

/**
 * A command that does its work and returns its exit code (0 done or valid, 1 refused or invalid, 2 usage error);
 * its {@link #spec} gives the command line's writers, see {@link CliOutput}.
 */
abstract class CliCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
}

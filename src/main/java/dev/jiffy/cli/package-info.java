/**
 * The command line: parsing, one class per command, the settings, and every message the user
 * reads. The only package that prints; below it, failures are exceptions or values.
 */
package dev.jiffy.cli;

/**
 * The JVM path (docs/ARCHITECTURE.md): what happens when the launcher found no usable
 * run file. {@link dev.jiffy.run.JvmPath} builds, checks a hit's bytes, writes the run file that
 * lets the next run start no JVM of jiffy's, and hands the program's command to the launcher.
 */
package dev.jiffy.run;

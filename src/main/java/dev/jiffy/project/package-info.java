/**
 * Projects: the build file that makes a directory part of one, and a Maven project's effective
 * model, made by Maven's own model builder, never a hand-written pom reader. Gradle builds are
 * recognised and refused.
 */
package dev.jiffy.project;

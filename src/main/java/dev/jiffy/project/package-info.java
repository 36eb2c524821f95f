/**
 * Projects: the build files that make a directory part of one. Maven projects are read with
 * Maven's own model builder (DESIGN section 7); Gradle builds are recognised and refused.
 */
package dev.jiffy.project;

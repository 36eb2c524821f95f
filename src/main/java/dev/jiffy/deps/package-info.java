/**
 * Scripts' directives (JBang's {@code //DEPS}, {@code //SOURCES}, {@code //JAVA}, ...) and
 * dependency resolution with Maven Resolver through MIMA, honouring the user's settings.xml.
 */
package dev.jiffy.deps;

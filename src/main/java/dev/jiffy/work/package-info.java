/**
 * The build, as Go's {@code cmd/go/internal/work}: a small graph of actions (resolve, compile,
 * link; resolve and link for a tool), each cached under an action ID made of readable lines, run by
 * one {@link dev.jiffy.work.ActionRunner}, and the executable format they produce.
 */
package dev.jiffy.work;

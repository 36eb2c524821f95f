package dev.jiffy.deps;

/** A directive that cannot be used: {@code File.java:LINE: message}. */
public final class DirectiveException extends Exception {
    private static final long serialVersionUID = 1L;

    public DirectiveException(Directives.Directive where, String message) {
        super(where.file() + ":" + where.line() + ": //" + where.keyword() + ": " + message);
    }
}

package dev.jiffy.deps;

/**
 * A directive that cannot be used: {@code File.java:LINE: //KEYWORD: message}, or for one given
 * as a flag (line 0, the flag as its file) {@code --deps VALUE: message}.
 */
public final class DirectiveException extends Exception {
    private static final long serialVersionUID = 1L;

    public DirectiveException(Directives.Directive where, String message) {
        super(where.line() == 0 ? where.file() + " " + where.value() + ": " + message
                : where.file() + ":" + where.line() + ": //" + where.keyword() + ": " + message);
    }
}

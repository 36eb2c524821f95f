package dev.jiffy.deps;

/** A catalog file that cannot be read, or an alias that cannot be used, in one line. */
public final class CatalogException extends Exception {
    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }
}

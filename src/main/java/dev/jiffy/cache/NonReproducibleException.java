package dev.jiffy.cache;

import java.io.IOException;

/** In verify mode, an action whose new output differs from the cached one. */
public final class NonReproducibleException extends IOException {
    private static final long serialVersionUID = 1L;

    NonReproducibleException(ActionId action, OutputId cached, OutputId rebuilt) {
        super("non-reproducible output for action " + action + ": cached " + cached + ", rebuilt " + rebuilt);
    }
}

package dev.jiffy.cache;

import java.nio.charset.StandardCharsets;

/**
 * The file name an executable is stored under, so that {@code ps} and error messages show the
 * program's own name. It must stay one path element inside its content directory.
 */
public final class ProgramName {
    static final int MAX_BYTES = 255;

    private ProgramName() {}

    /** Returns the name, or throws naming what is wrong with it. */
    public static String check(String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new IllegalArgumentException("bad program name \"" + printable(name) + "\": " + problem);
        }
        return name;
    }

    static String problem(String name) {
        if (name.isEmpty()) {
            return "empty";
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return "contains a path separator";
        }
        if (name.indexOf('\0') >= 0) {
            return "contains NUL";
        }
        if (name.equals(".") || name.contains("..")) {
            return "contains \"..\" or is \".\"";
        }
        if (name.startsWith(".")) {
            return "starts with a dot, which temporary files use";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "longer than " + MAX_BYTES + " bytes";
        }
        return null;
    }

    private static String printable(String name) {
        String shown = name.replace("\0", "\\0");
        return shown.length() > 40 ? shown.substring(0, 40) + "..." : shown;
    }
}
